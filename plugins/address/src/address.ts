import { z } from '@maru/sdk';

/** One road-name address (도로명주소) with its romanization and coordinates. */
export const Address = z.object({
  id: z.string().describe('Stable id of the record in the dataset.'),
  postcode: z
    .string()
    .regex(/^\d{5}$/)
    .describe('Five-digit basic-district number (기초구역번호).'),
  sido: z.string().describe('Province or metropolitan city, e.g. 서울특별시.'),
  sidoEn: z.string(),
  sigungu: z.string().optional().describe('City, county or district; absent where there is none (세종특별자치시).'),
  sigunguEn: z.string().optional(),
  roadName: z.string().describe('e.g. 세종대로'),
  roadNameEn: z.string().describe('e.g. Sejong-daero'),
  buildingNumber: z
    .string()
    .regex(/^\d+(-\d+)?$/)
    .describe('Main and optional sub number, e.g. 209 or 12-3.'),
  buildingName: z.string().optional().describe('Absent when the building has no name.'),
  buildingNameEn: z.string().optional(),
  roadAddress: z.string().describe('The full address in Korean, e.g. 서울특별시 종로구 세종대로 209.'),
  roadAddressEn: z.string().describe('The full address in English order, e.g. 209, Sejong-daero, Jongno-gu, Seoul.'),
  lat: z.number().min(33).max(39),
  lng: z.number().min(124).max(132),
});
export type Address = z.infer<typeof Address>;
