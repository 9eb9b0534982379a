/** Subjects the tests issue certificates for; invented people and companies. The check digit of the number is valid. */
export const business = {
  kind: 'BUSINESS_REGISTRATION_PROOF',
  subject: { businessRegistrationNumber: '123-45-67891', companyName: '(주)한빛데이터', representativeName: '김하늘' },
} as const;
export const residence = {
  kind: 'RESIDENCE_CERTIFICATE',
  subject: { name: '이마루', birthDate: '1990-03-01', address: '서울특별시 종로구 세종대로 209' },
} as const;
