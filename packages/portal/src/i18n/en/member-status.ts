export const memberStatus = { ACTIVE: 'Active', INVITED: 'Invited', DISABLED: 'Disabled' };
