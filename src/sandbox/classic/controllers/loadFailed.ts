/**
 * The `… Load Failed: <reason>` texts of the base controllers. Models built on `SWIFT_Model` with a `SWIFT_DataID`
 * (User, Staff) say `Invalid data provided` for an empty id (`SWIFT_DataID::SetDataID`) and `Failed to load
 * SWIFT_Model Object` for an unknown one (`L/MVC/class.SWIFT_Model.php:53-56`).
 */
import { badRequest, type Reply } from '../controller'

export const modelLoadFailed = (prefix: string, id: string | undefined): Reply =>
  badRequest(`${prefix}: ${id === undefined || id === '' || id === '0' ? 'Invalid data provided' : 'Failed to load SWIFT_Model Object'}`)
