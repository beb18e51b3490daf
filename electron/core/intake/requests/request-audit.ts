/**
 * A request as its audit entry records it, in the person's own field names, so the timeline
 * shows "Request type → Change of access level, Access level → Program Manager".
 */
export function requestAuditFields(requestId: number | undefined, r: { type: string; accessLevelId: number | null; previousAccessLevelId: number | null; agencyId: number | null }) {
  return {
    requestId: requestId ?? null,
    requestType: r.type,
    accessLevelId: r.accessLevelId,
    ...(r.previousAccessLevelId !== null ? { previousAccessLevelId: r.previousAccessLevelId } : {}),
    agencyId: r.agencyId,
  };
}
