export const layout = {
  brand: 'Maru',
  skipToContent: 'Skip to content',
  breadcrumbs: 'You are here',
  home: 'Home',
  footer:
    'Maru — the open hub of the digital platform government. Challenges, shared services and agency data in one place.',
  official: 'This is an official website of the Government of the Republic of Korea.',
  officialHow: 'How to tell',
  officialDomainTitle: 'Check the address',
  officialDomain: 'Official websites of the government and public bodies use addresses ending in go.kr.',
  officialHttpsTitle: 'Check the secure connection',
  officialHttps:
    'A padlock or “https://” in the address bar means the connection to the official site is encrypted. Share personal information only on official, secure sites.',
  menu: 'Menu',
  phase: {
    demo: 'Demo',
    demoText: 'A demo site: nothing here is real.',
    beta: 'Beta',
    betaText: 'This service is new and being tried out; your feedback helps improve it.',
  },
  operator: 'Operating agency',
  operatedBy: 'This website is run by {{name}}.',
  siteInfo: 'About this website',
  policies: 'Website policies',
  address: 'Address',
  contactLine: 'Contact',
  contact: 'Contact us',
};
