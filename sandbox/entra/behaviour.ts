/** Knobs tests turn to reproduce Graph under load and right after writes. */
export interface EntraBehaviour {
  /** A new user or group answers 404 (and is missing from lists) for this long after create: replica lag. */
  replicationDelayMs: number;
  /** Requests per 10 s per app before 429 + Retry-After (Graph's identity bucket is 3,500–8,000 resource units). */
  requestsPer10Seconds: number;
  /** Writes per 150 s per app + tenant (Graph: 3,000). */
  writesPer150Seconds: number;
  /** Days a deleted user stays in /directory/deletedItems. */
  restoreDays: number;
  /** Whether the app holds User-LifeCycleInfo.ReadWrite.All (needed to write employeeLeaveDateTime). */
  lifecycleInfoWrite: boolean;
}

export const defaultEntraBehaviour: EntraBehaviour = {
  replicationDelayMs: 0,
  requestsPer10Seconds: 8000,
  writesPer150Seconds: 3000,
  restoreDays: 30,
  lifecycleInfoWrite: true,
};
