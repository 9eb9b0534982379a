// A business registration register as a Korean agency publishes it: nine
// columns, Korean names and addresses (some quoted, for their commas), dates
// and integers for the sync to infer. Written through a stream, a thousand rows
// at a time, so a million-row file never sits in memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const HEADER = 'biz_no,company_name,representative,industry,address,registered_on,employees,capital_krw,status';
const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
  '안',
  '송',
  '류',
  '홍',
];
const SYLLABLES = [
  '민',
  '서',
  '지',
  '현',
  '준',
  '우',
  '예',
  '은',
  '하',
  '도',
  '윤',
  '수',
  '영',
  '재',
  '연',
  '진',
  '호',
  '아',
  '성',
  '경',
];
const STEMS = [
  '한빛',
  '새벽',
  '미래',
  '푸른',
  '누리',
  '다온',
  '바른',
  '하늘',
  '온새미',
  '가람',
  '별빛',
  '으뜸',
  '한결',
  '나래',
  '해온',
];
const TRADES = ['식품', '물류', '테크', '건설', '상사', '커피', '소프트', '에너지', '디자인', '컨설팅'];
const INDUSTRIES = [
  '한식 일반 음식점업',
  '응용 소프트웨어 개발 및 공급업',
  '일반 화물자동차 운송업',
  '전자상거래 소매업',
  '건물 건설업',
  '커피 전문점',
  '부동산 중개 및 대리업',
  '미용업',
  '경영 컨설팅업',
  '태양력 발전업',
];
const PLACES = [
  ['서울특별시', '마포구', '월드컵로'],
  ['서울특별시', '종로구', '세종대로'],
  ['서울특별시', '강남구', '테헤란로'],
  ['부산광역시', '해운대구', '센텀중앙로'],
  ['대구광역시', '수성구', '달구벌대로'],
  ['인천광역시', '연수구', '송도과학로'],
  ['광주광역시', '북구', '첨단과기로'],
  ['대전광역시', '유성구', '대학로'],
  ['경기도 성남시', '분당구', '판교역로'],
  ['세종특별자치시', '한솔동', '도움6로'],
];
const DAY = 86_400_000;
const FIRST_DAY = Date.parse('1990-01-01T00:00:00Z');
const DAYS = 36 * 365;

// mulberry32, seeded by the row number: every run writes the same file.
function random(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** One row. The key is a 10-digit number scattered over its range (a bijection of i), formatted as 123-45-67890. */
function row(i) {
  const r = random(i * 2654435761);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const digits = String((i * 618_033_989 + 1_234_567) % 10_000_000_000).padStart(10, '0');
  const corporate = r() < 0.6;
  const company = corporate ? `(주)${pick(STEMS)}${pick(TRADES)}` : `${pick(STEMS)}${pick(TRADES)}`;
  const person = `${pick(SURNAMES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
  const [city, district, road] = pick(PLACES);
  const floor = r() < 0.5 ? `, ${1 + Math.floor(r() * 20)}층` : '';
  const address = `${city} ${district} ${road} ${1 + Math.floor(r() * 300)}${floor}`;
  const registered = new Date(FIRST_DAY + Math.floor(r() * DAYS) * DAY).toISOString().slice(0, 10);
  const employees = Math.floor(1 / (0.002 + r() * 0.998));
  const capital = corporate ? 10_000_000 * (1 + Math.floor(r() * 500)) : '';
  const s = r();
  const status = s < 0.85 ? '계속사업자' : s < 0.9 ? '휴업자' : '폐업자';
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)},${company},${person},${pick(INDUSTRIES)},${floor ? `"${address}"` : address},${registered},${employees},${capital},${status}\n`;
}

/** Writes `rows` data rows (plus the header) to `path`; resolves with the file's size in bytes. */
export async function writeBusinessRegistrations(path, rows) {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let start = 0; start < rows; start += 1000) {
    let chunk = '';
    for (let i = start; i < Math.min(rows, start + 1000); i++) chunk += row(i);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}
