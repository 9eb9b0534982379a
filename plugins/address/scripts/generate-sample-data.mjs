// Generates the SAMPLE road-name addresses in data/addresses.json: plausible, not official.
// Deterministic (fixed seed), so rerunning it gives the same file:
//   node scripts/generate-sample-data.mjs data/addresses.json
import { writeFileSync } from 'node:fs';
let seed = 20240917;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const S = (ko, en) => ({ ko, en });
// sido, sigungu, postcode prefixes (3 digits), centroid lat/lng, roads [ko, en], buildings [ko,en] optional
const districts = [
  [
    S('서울특별시', 'Seoul'),
    S('종로구', 'Jongno-gu'),
    ['030', '031', '032'],
    37.5735,
    126.979,
    [
      ['세종대로', 'Sejong-daero'],
      ['종로', 'Jong-ro'],
      ['율곡로', 'Yulgok-ro'],
      ['삼청로', 'Samcheong-ro'],
      ['자하문로', 'Jahamun-ro'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('중구', 'Jung-gu'),
    ['045', '046'],
    37.5641,
    126.9979,
    [
      ['을지로', 'Eulji-ro'],
      ['퇴계로', 'Toegye-ro'],
      ['남대문로', 'Namdaemun-ro'],
      ['명동길', 'Myeongdong-gil'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('용산구', 'Yongsan-gu'),
    ['043', '044'],
    37.5324,
    126.9905,
    [
      ['이태원로', 'Itaewon-ro'],
      ['한강대로', 'Hangang-daero'],
      ['녹사평대로', 'Noksapyeong-daero'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('성동구', 'Seongdong-gu'),
    ['047', '048'],
    37.5634,
    127.0369,
    [
      ['왕십리로', 'Wangsimni-ro'],
      ['성수이로', 'Seongsui-ro'],
      ['아차산로', 'Achasan-ro'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('마포구', 'Mapo-gu'),
    ['039', '040', '041'],
    37.5663,
    126.9015,
    [
      ['월드컵로', 'World Cup-ro'],
      ['양화로', 'Yanghwa-ro'],
      ['와우산로', 'Wausan-ro'],
      ['마포대로', 'Mapo-daero'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('서대문구', 'Seodaemun-gu'),
    ['036', '037'],
    37.5791,
    126.9368,
    [
      ['연세로', 'Yonsei-ro'],
      ['신촌로', 'Sinchon-ro'],
      ['통일로', 'Tongil-ro'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('은평구', 'Eunpyeong-gu'),
    ['033', '034', '035'],
    37.6027,
    126.9291,
    [
      ['통일로', 'Tongil-ro'],
      ['연서로', 'Yeonseo-ro'],
      ['진관길', 'Jingwan-gil'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('노원구', 'Nowon-gu'),
    ['016', '017', '018'],
    37.6542,
    127.0568,
    [
      ['동일로', 'Dongil-ro'],
      ['노해로', 'Nohae-ro'],
      ['상계로', 'Sanggye-ro'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('영등포구', 'Yeongdeungpo-gu'),
    ['072', '073', '074'],
    37.5264,
    126.8962,
    [
      ['여의대로', 'Yeoui-daero'],
      ['국제금융로', 'Gukjegeumyung-ro'],
      ['영등포로', 'Yeongdeungpo-ro'],
      ['의사당대로', 'Uisadang-daero'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('관악구', 'Gwanak-gu'),
    ['087', '088'],
    37.4784,
    126.9516,
    [
      ['관악로', 'Gwanak-ro'],
      ['남부순환로', 'Nambusunhwan-ro'],
      ['봉천로', 'Bongcheon-ro'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('서초구', 'Seocho-gu'),
    ['065', '066', '067'],
    37.4837,
    127.0324,
    [
      ['서초대로', 'Seocho-daero'],
      ['반포대로', 'Banpo-daero'],
      ['사평대로', 'Sapyeong-daero'],
      ['강남대로', 'Gangnam-daero'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('강남구', 'Gangnam-gu'),
    ['060', '061', '062', '063'],
    37.5172,
    127.0473,
    [
      ['테헤란로', 'Teheran-ro'],
      ['강남대로', 'Gangnam-daero'],
      ['도산대로', 'Dosan-daero'],
      ['봉은사로', 'Bongeunsa-ro'],
      ['언주로', 'Eonju-ro'],
      ['선릉로', 'Seolleung-ro'],
    ],
  ],
  [
    S('서울특별시', 'Seoul'),
    S('송파구', 'Songpa-gu'),
    ['054', '055', '056', '057'],
    37.5145,
    127.1059,
    [
      ['올림픽로', 'Olympic-ro'],
      ['송파대로', 'Songpa-daero'],
      ['백제고분로', 'Baekjegobun-ro'],
      ['위례성대로', 'Wiryeseong-daero'],
    ],
  ],
  [
    S('부산광역시', 'Busan'),
    S('해운대구', 'Haeundae-gu'),
    ['480', '481'],
    35.1631,
    129.1635,
    [
      ['해운대해변로', 'Haeundaehaebyeon-ro'],
      ['센텀중앙로', 'Centum jungang-ro'],
      ['달맞이길', 'Dalmaji-gil'],
    ],
  ],
  [
    S('부산광역시', 'Busan'),
    S('부산진구', 'Busanjin-gu'),
    ['471', '472'],
    35.1629,
    129.0532,
    [
      ['중앙대로', 'Jungang-daero'],
      ['서면로', 'Seomyeon-ro'],
      ['가야대로', 'Gaya-daero'],
    ],
  ],
  [
    S('부산광역시', 'Busan'),
    S('중구', 'Jung-gu'),
    ['489'],
    35.1064,
    129.0324,
    [
      ['중앙대로', 'Jungang-daero'],
      ['광복로', 'Gwangbok-ro'],
    ],
  ],
  [
    S('대구광역시', 'Daegu'),
    S('중구', 'Jung-gu'),
    ['419'],
    35.8694,
    128.6062,
    [
      ['동성로', 'Dongseong-ro'],
      ['국채보상로', 'Gukchaebosang-ro'],
      ['공평로', 'Gongpyeong-ro'],
    ],
  ],
  [
    S('대구광역시', 'Daegu'),
    S('수성구', 'Suseong-gu'),
    ['420', '421'],
    35.8582,
    128.6306,
    [
      ['달구벌대로', 'Dalgubeol-daero'],
      ['동대구로', 'Dongdaegu-ro'],
    ],
  ],
  [
    S('인천광역시', 'Incheon'),
    S('연수구', 'Yeonsu-gu'),
    ['219', '220'],
    37.4101,
    126.6783,
    [
      ['송도과학로', 'Songdogwahak-ro'],
      ['컨벤시아대로', 'Convensia-daero'],
      ['아트센터대로', 'Art center-daero'],
    ],
  ],
  [
    S('인천광역시', 'Incheon'),
    S('남동구', 'Namdong-gu'),
    ['215', '216'],
    37.447,
    126.7314,
    [
      ['인하로', 'Inha-ro'],
      ['예술로', 'Yesul-ro'],
      ['정각로', 'Jeonggak-ro'],
    ],
  ],
  [
    S('광주광역시', 'Gwangju'),
    S('서구', 'Seo-gu'),
    ['619', '620'],
    35.1521,
    126.8895,
    [
      ['내방로', 'Naebang-ro'],
      ['상무중앙로', 'Sangmujungang-ro'],
    ],
  ],
  [
    S('광주광역시', 'Gwangju'),
    S('북구', 'Buk-gu'),
    ['611', '612'],
    35.174,
    126.912,
    [
      ['용봉로', 'Yongbong-ro'],
      ['서방로', 'Seobang-ro'],
    ],
  ],
  [
    S('대전광역시', 'Daejeon'),
    S('유성구', 'Yuseong-gu'),
    ['341', '342'],
    36.3624,
    127.3563,
    [
      ['대학로', 'Daehak-ro'],
      ['엑스포로', 'Expo-ro'],
      ['과학로', 'Gwahak-ro'],
    ],
  ],
  [
    S('대전광역시', 'Daejeon'),
    S('서구', 'Seo-gu'),
    ['352', '353'],
    36.3555,
    127.3838,
    [
      ['둔산로', 'Dunsan-ro'],
      ['청사로', 'Cheongsa-ro'],
      ['대덕대로', 'Daedeok-daero'],
    ],
  ],
  [
    S('울산광역시', 'Ulsan'),
    S('남구', 'Nam-gu'),
    ['446', '447'],
    35.5438,
    129.33,
    [
      ['삼산로', 'Samsan-ro'],
      ['돋질로', 'Dotjil-ro'],
    ],
  ],
  [
    S('세종특별자치시', 'Sejong-si'),
    null,
    ['300', '301'],
    36.48,
    127.289,
    [
      ['한누리대로', 'Hannuri-daero'],
      ['도움6로', 'Doum 6-ro'],
      ['갈매로', 'Galmae-ro'],
      ['다솜로', 'Dasom-ro'],
    ],
  ],
  [
    S('경기도', 'Gyeonggi-do'),
    S('성남시 분당구', 'Bundang-gu, Seongnam-si'),
    ['134', '135', '136'],
    37.3826,
    127.1189,
    [
      ['판교역로', 'Pangyoyeok-ro'],
      ['분당로', 'Bundang-ro'],
      ['황새울로', 'Hwangsaeul-ro'],
      ['대왕판교로', 'Daewangpangyo-ro'],
    ],
  ],
  [
    S('경기도', 'Gyeonggi-do'),
    S('수원시 팔달구', 'Paldal-gu, Suwon-si'),
    ['162', '163', '164'],
    37.2828,
    127.0197,
    [
      ['효원로', 'Hyowon-ro'],
      ['정조로', 'Jeongjo-ro'],
      ['인계로', 'Ingye-ro'],
    ],
  ],
  [
    S('경기도', 'Gyeonggi-do'),
    S('고양시 일산동구', 'Ilsandong-gu, Goyang-si'),
    ['103', '104'],
    37.6585,
    126.7749,
    [
      ['중앙로', 'Jungang-ro'],
      ['호수로', 'Hosu-ro'],
      ['장항로', 'Janghang-ro'],
    ],
  ],
  [
    S('강원특별자치도', 'Gangwon-do'),
    S('춘천시', 'Chuncheon-si'),
    ['242', '243', '244'],
    37.8813,
    127.7298,
    [
      ['중앙로', 'Jungang-ro'],
      ['공지로', 'Gongji-ro'],
      ['삭주로', 'Sakju-ro'],
    ],
  ],
  [
    S('충청북도', 'Chungcheongbuk-do'),
    S('청주시 상당구', 'Sangdang-gu, Cheongju-si'),
    ['287', '288'],
    36.6358,
    127.4913,
    [
      ['상당로', 'Sangdang-ro'],
      ['사직대로', 'Sajik-daero'],
    ],
  ],
  [
    S('전북특별자치도', 'Jeonbuk-do'),
    S('전주시 완산구', 'Wansan-gu, Jeonju-si'),
    ['549', '550'],
    35.8122,
    127.148,
    [
      ['팔달로', 'Paldal-ro'],
      ['기린대로', 'Girin-daero'],
      ['충경로', 'Chunggyeong-ro'],
    ],
  ],
  [
    S('제주특별자치도', 'Jeju-do'),
    S('제주시', 'Jeju-si'),
    ['630', '631', '632'],
    33.4996,
    126.5312,
    [
      ['중앙로', 'Jungang-ro'],
      ['연북로', 'Yeonbuk-ro'],
      ['노형로', 'Nohyeong-ro'],
    ],
  ],
  [
    S('제주특별자치도', 'Jeju-do'),
    S('서귀포시', 'Seogwipo-si'),
    ['635', '636'],
    33.2539,
    126.56,
    [
      ['중정로', 'Jungjeong-ro'],
      ['일주동로', 'Iljudong-ro'],
    ],
  ],
];
const buildingNames = [
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  S('행정복지센터', 'Community Service Center'),
  S('우체국', 'Post Office'),
  S('도서관', 'Library'),
  S('보건소', 'Public Health Center'),
  S('주민센터', 'Community Center'),
  S('빌딩', 'Building'),
  S('타워', 'Tower'),
  S('상가', 'Shopping Center'),
];
const out = [];
const seen = new Set();
// A few well-known public buildings first, so searches find something recognisable.
const fixed = [
  [0, 0, '209', '03171', S('정부서울청사', 'Government Complex Seoul'), 37.5753, 126.9755],
  [0, 1, '1', '03154', S('보신각', 'Bosingak'), 37.5701, 126.9833],
  [25, 3, '130', '30128', S('정부세종청사', 'Government Complex Sejong'), 36.504, 127.265],
  [23, 1, '189', '35208', S('정부대전청사', 'Government Complex Daejeon'), 36.3588, 127.3832],
  [8, 3, '1', '07233', S('국회의사당', 'National Assembly'), 37.5319, 126.914],
  [1, 2, '55', '04536', null, 37.563, 126.9837],
];
for (const [d, r, num, postcode, bname, lat, lng] of fixed) {
  const [sido, sigungu, , , , roads] = districts[d];
  out.push(make(sido, sigungu, roads[r], num, postcode, bname, lat, lng));
}
function make(sido, sigungu, road, num, postcode, bname, lat, lng) {
  const ko = [sido.ko, sigungu?.ko, `${road[0]} ${num}`].filter(Boolean).join(' ');
  const en = [`${num}, ${road[1]}`, sigungu?.en, sido.en].filter(Boolean).join(', ');
  seen.add(`${sido.ko}|${sigungu?.ko}|${road[0]}|${num}`);
  // Fields a record does not have are left out rather than null.
  return {
    postcode,
    sido: sido.ko,
    sidoEn: sido.en,
    ...(sigungu ? { sigungu: sigungu.ko, sigunguEn: sigungu.en } : {}),
    roadName: road[0],
    roadNameEn: road[1],
    buildingNumber: num,
    ...(bname ? { buildingName: bname.ko, buildingNameEn: bname.en } : {}),
    roadAddress: ko,
    roadAddressEn: en,
    lat: Number(lat.toFixed(6)),
    lng: Number(lng.toFixed(6)),
  };
}
// Several buildings share one postcode, as on a real block: draw postcodes from a small pool per district.
while (out.length < 200) {
  const [sido, sigungu, prefixes, lat, lng, roads] = pick(districts);
  const road = pick(roads);
  const main = 1 + Math.floor(rnd() * (rnd() < 0.6 ? 120 : 600));
  const num = rnd() < 0.25 ? `${main}-${1 + Math.floor(rnd() * 12)}` : String(main);
  const key = `${sido.ko}|${sigungu?.ko}|${road[0]}|${num}`;
  if (seen.has(key)) continue;
  const postcode =
    pick(prefixes) +
    String(Math.floor(rnd() * 8) * 11 + 10)
      .padStart(2, '0')
      .slice(0, 2);
  const bn = pick(buildingNames);
  const bname =
    bn && S(`${road[0].replace(/(대로|로|길)$/, '')}${bn.ko}`, `${road[1].replace(/-(daero|ro|gil)$/, '')} ${bn.en}`);
  out.push(make(sido, sigungu, road, num, postcode, bname, lat + (rnd() - 0.5) * 0.03, lng + (rnd() - 0.5) * 0.03));
}
out.sort((a, b) => a.postcode.localeCompare(b.postcode) || a.roadAddress.localeCompare(b.roadAddress, 'ko'));
out.forEach((a, i) => (a.id = `SAMPLE-${String(i + 1).padStart(4, '0')}`));
const final = out.map(({ id, ...rest }) => ({ id, ...rest }));
const head = {
  description:
    'SAMPLE DATA: plausible, generated Korean road-name addresses for development and tests. Not an official dataset; do not use it for deliveries or decisions.',
  licence: 'CC0-1.0',
  generatedAt: '2025-01-15',
};
const body =
  JSON.stringify(head, null, 2).slice(0, -2) +
  ',\n  "addresses": [\n' +
  final.map((a) => '    ' + JSON.stringify(a)).join(',\n') +
  '\n  ]\n}\n';
JSON.parse(body);
writeFileSync(process.argv[2], body);
console.log(final.length, new Set(final.map((a) => a.postcode)).size);
