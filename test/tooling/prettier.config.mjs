// The layout the code already had: no semicolons, single quotes, no trailing commas, long lines (160: the line-length
// house rule; comments are wrapped by hand at 120).
export default { printWidth: 160, semi: false, singleQuote: true, trailingComma: 'none' }
