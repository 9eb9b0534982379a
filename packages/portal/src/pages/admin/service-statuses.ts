/** A service's statuses, in the order a service usually lives them (the hub's setServiceStatus takes these). */
export const SERVICE_STATUSES = ['PILOT', 'ACTIVE', 'DEPRECATED', 'SUSPENDED'] as const;
export type ServiceStatusName = (typeof SERVICE_STATUSES)[number];
