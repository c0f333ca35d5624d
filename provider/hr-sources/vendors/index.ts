import type { HrVendorSource } from "../record";
import type { HrVendor } from "../settings";
import { bamboohr } from "./bamboohr";
import { hibob } from "./hibob";
import { personio } from "./personio";
import { rippling } from "./rippling";
import { workday } from "./workday";

/** One entry per vendor `identity:hr.source.vendor` can name. */
export const vendors: Record<HrVendor, HrVendorSource> = { bamboohr, hibob, personio, rippling, workday };
