export const myAccount = {
  title: 'My account',
  name: 'Name',
  email: 'E-mail',
  organization: 'Organization',
  roles: 'Roles',
};
