import type { InsuredPerson } from '../../adapters/pension/index.js';
import type { PopulationPerson } from '../../adapters/population/index.js';
import type { RegistryBeneficiary } from '../../adapters/labor/index.js';
import type { EntitlementRecord, PaymentList, PaymentOnFile } from '../../adapters/shared/types.js';
import type { Dataset, Scenario, ScenarioName } from '../fixtures/dataset.js';

/*
 * A small hand-written data set for tests of the mocks and adapters: nine people, commune 16216 in province 38 and
 * commune 00004 in province 01 (codes illustrative), October 2026 lists with a cancellation, treasury orders in every
 * state, bank, e-wallet and Post results, and one CLOSED account. Independent of the generator on purpose.
 */

export const TINY_COMMUNE_38 = '16216';
export const TINY_COMMUNE_01 = '00004';

/** Citizen IDs of the tiny data set, by role. */
export const TINY = Object.freeze({
  /** Registry, own bank account at VietinBank, paid in September and October. */
  selfBank: '038050000101',
  /** Registry (merit allowance) and BHXH (pension), paid to an e-wallet. */
  meritAndPension: '038145000202',
  /** Registry child paid through the guardian's bank account. */
  guardianChild: '038215000303',
  /** The guardian: in the population database only. */
  guardian: '038078000404',
  /** DECEASED in the population database, ACTIVE on the registry, cash at the Post (October line cancelled). */
  deceased: '038140000505',
  /** Registry, bank account since CLOSED; October payment RETURNED. */
  closedAccount: '038052000606',
  /** BHXH pension only, home delivery by the Post; October cash UNCOLLECTED. */
  pensionOnly: '038148000707',
  /** Province 01; October payment REJECTED by the bank; funding order REJECTED. */
  otherProvince: '001160000808',
  /** Registry only (SUSPENDED), unknown to the population database; paid in cash. */
  notInPopulation: '038155000909',
});

const C38 = { communeCode: TINY_COMMUNE_38, provinceCode: '38' } as const;
const C01 = { communeCode: TINY_COMMUNE_01, provinceCode: '01' } as const;

const self = (citizenId: string, method: PaymentOnFile['method'], providerCode: string, accountNumber: string | null): PaymentOnFile => ({
  method,
  providerCode,
  accountNumber,
  recipientRole: 'SELF',
  recipientCitizenId: citizenId,
});

const assistance = (id: string, startDate: string, status: EntitlementRecord['status'] = 'ACTIVE'): EntitlementRecord => ({
  id,
  program: 'SOCIAL_ASSISTANCE',
  category: 'BTXH-NCT',
  categoryName: 'Người cao tuổi thuộc hộ nghèo',
  monthlyAmount: 500_000,
  startDate,
  endDate: null,
  status,
});

const person = (
  citizenId: string,
  fullName: string,
  dateOfBirth: string,
  sex: PopulationPerson['sex'],
  area: { communeCode: string; provinceCode: string },
  extra: Partial<PopulationPerson> = {},
): PopulationPerson => ({
  citizenId,
  fullName,
  dateOfBirth,
  sex,
  vitalStatus: 'ALIVE',
  dateOfDeath: null,
  permanentAddress: { ...area, line: null },
  phoneMasked: null,
  ...extra,
});

const population: PopulationPerson[] = [
  person(TINY.selfBank, 'Nguyễn Văn An', '1950-03-12', 'MALE', C38, { phoneMasked: '091****101' }),
  person(TINY.meritAndPension, 'Trần Thị Bình', '1945-07-01', 'FEMALE', C38),
  person(TINY.guardianChild, 'Lê Văn Cường', '2015-05-20', 'MALE', C38),
  person(TINY.guardian, 'Phạm Văn Dũng', '1978-11-02', 'MALE', C38),
  person(TINY.deceased, 'Đỗ Thị Em', '1940-01-15', 'FEMALE', C38, { vitalStatus: 'DECEASED', dateOfDeath: '2026-08-02' }),
  person(TINY.closedAccount, 'Hoàng Văn Phúc', '1952-09-09', 'MALE', C38),
  person(TINY.pensionOnly, 'Vũ Thị Giang', '1948-04-30', 'FEMALE', C38, { permanentAddress: null }),
  person(TINY.otherProvince, 'Đỗ Thị Hoa', '1960-02-14', 'FEMALE', C01),
];

const registryPerson = (
  p: { citizenId: string; fullName: string; dateOfBirth: string; sex: PopulationPerson['sex'] },
  area: { communeCode: string; provinceCode: string },
  entitlements: EntitlementRecord[],
  paymentOnFile: PaymentOnFile,
  representatives: RegistryBeneficiary['representatives'] = [],
): RegistryBeneficiary => ({ ...p, ...area, entitlements, representatives, paymentOnFile });

const registry: RegistryBeneficiary[] = [
  registryPerson(
    { citizenId: TINY.otherProvince, fullName: 'Đỗ Thị Hoa', dateOfBirth: '1960-02-14', sex: 'FEMALE' },
    C01,
    [assistance('TG-0808', '2020-01-01')],
    self(TINY.otherProvince, 'BANK_ACCOUNT', '970436', '0451000808'),
  ),
  registryPerson(
    { citizenId: TINY.selfBank, fullName: 'Nguyễn Văn An', dateOfBirth: '1950-03-12', sex: 'MALE' },
    C38,
    [assistance('TG-0101', '2021-05-01')],
    self(TINY.selfBank, 'BANK_ACCOUNT', '970415', '0011001932418'),
  ),
  registryPerson(
    { citizenId: TINY.closedAccount, fullName: 'Hoàng Văn Phúc', dateOfBirth: '1952-09-09', sex: 'MALE' },
    C38,
    [assistance('TG-0606', '2019-03-01')],
    self(TINY.closedAccount, 'BANK_ACCOUNT', '970418', '21510000606'),
  ),
  registryPerson(
    { citizenId: TINY.deceased, fullName: 'Đỗ Thị Em', dateOfBirth: '1940-01-15', sex: 'FEMALE' },
    C38,
    [assistance('TG-0505', '2015-01-01')],
    self(TINY.deceased, 'POST_OFFICE_CASH', 'VNPOST', null),
  ),
  registryPerson(
    { citizenId: TINY.meritAndPension, fullName: 'Trần Thị Bình', dateOfBirth: '1945-07-01', sex: 'FEMALE' },
    C38,
    [
      {
        id: 'UD-0202',
        program: 'MERIT_ALLOWANCE',
        category: 'NCC-TB',
        categoryName: 'Thương binh',
        monthlyAmount: 2_000_000,
        startDate: '1990-01-01',
        endDate: null,
        status: 'ACTIVE',
      },
    ],
    self(TINY.meritAndPension, 'E_WALLET', 'VNPTMONEY', '0912345678'),
  ),
  registryPerson(
    { citizenId: TINY.notInPopulation, fullName: 'Bùi Thị Kim', dateOfBirth: '1955-06-06', sex: 'FEMALE' },
    C38,
    [assistance('TG-0909', '2018-07-01', 'SUSPENDED')],
    self(TINY.notInPopulation, 'POST_OFFICE_CASH', 'VNPOST', null),
  ),
  registryPerson(
    { citizenId: TINY.guardianChild, fullName: 'Lê Văn Cường', dateOfBirth: '2015-05-20', sex: 'MALE' },
    C38,
    [{ ...assistance('TG-0303', '2023-01-01'), category: 'BTXH-TMC', categoryName: 'Trẻ em mồ côi', monthlyAmount: 600_000 }],
    { method: 'BANK_ACCOUNT', providerCode: '970436', accountNumber: '1023456789', recipientRole: 'GUARDIAN', recipientCitizenId: TINY.guardian },
    [
      {
        role: 'GUARDIAN',
        citizenId: TINY.guardian,
        fullName: 'Phạm Văn Dũng',
        mandateReference: 'QD-GH-2023-0303',
        validFrom: '2023-01-01',
        validUntil: '2033-05-20',
      },
    ],
  ),
];

const pension = (id: string, amount: number, startDate: string): EntitlementRecord => ({
  id,
  program: 'PENSION',
  category: 'HT-BHXHBB',
  categoryName: 'Hưu trí bảo hiểm xã hội bắt buộc',
  monthlyAmount: amount,
  startDate,
  endDate: null,
  status: 'ACTIVE',
});

const insurance: InsuredPerson[] = [
  {
    insuranceCode: '3805000202',
    citizenId: TINY.meritAndPension,
    fullName: 'Trần Thị Bình',
    dateOfBirth: '1945-07-01',
    sex: 'FEMALE',
    ...C38,
    benefits: [pension('HT-0202', 5_500_000, '2000-08-01')],
    paymentOnFile: self(TINY.meritAndPension, 'E_WALLET', 'VNPTMONEY', '0912345678'),
  },
  {
    insuranceCode: '3805000707',
    citizenId: TINY.pensionOnly,
    fullName: 'Vũ Thị Giang',
    dateOfBirth: '1948-04-30',
    sex: 'FEMALE',
    ...C38,
    benefits: [pension('HT-0707', 4_200_000, '2003-05-01')],
    paymentOnFile: self(TINY.pensionOnly, 'HOME_DELIVERY', 'VNPOST', null),
  },
];

const item = (
  paymentId: string,
  citizenId: string,
  amount: number,
  payment: PaymentOnFile,
  cancelled: { at: string; reason: string } | null = null,
): PaymentList['items'][number] => ({
  paymentId,
  citizenId,
  amount,
  ...payment,
  cancelledAt: cancelled?.at ?? null,
  cancelReason: cancelled?.reason ?? null,
});

const onFile = (citizenId: string): PaymentOnFile => {
  const r = registry.find((b) => b.citizenId === citizenId) ?? insurance.find((p) => p.citizenId === citizenId);
  if (!r) throw new Error('tiny data set: no such person');
  return r.paymentOnFile;
};

const list = (
  id: string,
  period: string,
  program: PaymentList['program'],
  area: { communeCode: string; provinceCode: string },
  payerCode: string,
  items: PaymentList['items'],
): PaymentList => ({ id, period, program, ...area, payerCode, submittedAt: `${period}-01T09:00:00+07:00`, items });

const laborLists: PaymentList[] = [
  list('LB-2026-09-16216-SA-970415', '2026-09', 'SOCIAL_ASSISTANCE', C38, '970415', [
    item('PAY-202609-0101', TINY.selfBank, 500_000, onFile(TINY.selfBank)),
  ]),
  list('LB-2026-10-16216-SA-970415', '2026-10', 'SOCIAL_ASSISTANCE', C38, '970415', [
    item('PAY-202610-0101', TINY.selfBank, 500_000, onFile(TINY.selfBank)),
  ]),
  list('LB-2026-10-16216-SA-970418', '2026-10', 'SOCIAL_ASSISTANCE', C38, '970418', [
    item('PAY-202610-0606', TINY.closedAccount, 500_000, onFile(TINY.closedAccount)),
  ]),
  list('LB-2026-10-16216-SA-970436', '2026-10', 'SOCIAL_ASSISTANCE', C38, '970436', [
    item('PAY-202610-0303', TINY.guardianChild, 600_000, onFile(TINY.guardianChild)),
  ]),
  list('LB-2026-10-16216-SA-VNPOST', '2026-10', 'SOCIAL_ASSISTANCE', C38, 'VNPOST', [
    item('PAY-202610-0505', TINY.deceased, 500_000, onFile(TINY.deceased), { at: '2026-10-03T09:00:00+07:00', reason: 'DECEASED' }),
    item('PAY-202610-0909', TINY.notInPopulation, 500_000, onFile(TINY.notInPopulation)),
  ]),
  list('LB-2026-10-16216-MA-VNPTMONEY', '2026-10', 'MERIT_ALLOWANCE', C38, 'VNPTMONEY', [
    item('PAY-202610-0202M', TINY.meritAndPension, 2_000_000, onFile(TINY.meritAndPension)),
  ]),
  list('LB-2026-10-00004-SA-970436', '2026-10', 'SOCIAL_ASSISTANCE', C01, '970436', [
    item('PAY-202610-0808', TINY.otherProvince, 500_000, onFile(TINY.otherProvince)),
  ]),
];

const insuranceLists: PaymentList[] = [
  list('IB-2026-10-16216-HT-VNPTMONEY', '2026-10', 'PENSION', C38, 'VNPTMONEY', [
    item('PAY-202610-0202P', TINY.meritAndPension, 5_500_000, onFile(TINY.meritAndPension)),
  ]),
  list('IB-2026-10-16216-HT-VNPOST', '2026-10', 'PENSION', C38, 'VNPOST', [
    item('PAY-202610-0707', TINY.pensionOnly, 4_200_000, onFile(TINY.pensionOnly)),
  ]),
];

const event = (
  paymentId: string,
  providerCode: string,
  type: Dataset['payerEvents'][number]['type'],
  at: string,
  reference: string | null,
  reason: string | null = null,
): Dataset['payerEvents'][number] => ({ paymentId, providerCode, type, at, reference, reason });

const scenario = (citizenId: string, description: string, bankAccount: Scenario['bankAccount'], representative: string | null = null): Scenario => {
  const area = citizenId.startsWith('001') ? C01 : C38;
  return { citizenId, areaCode: area.communeCode, provinceCode: area.provinceCode, description, representativeCitizenId: representative, bankAccount };
};

const AN_ACCOUNT = { providerCode: '970415', accountNumber: '0011001932418', holderName: 'NGUYEN VAN AN' };
const GUARDIAN_ACCOUNT = { providerCode: '970436', accountNumber: '1023456789', holderName: 'PHAM VAN DUNG' };
const CLOSED_ACCOUNT = { providerCode: '970418', accountNumber: '21510000606', holderName: 'HOANG VAN PHUC' };
const HOA_ACCOUNT = { providerCode: '970436', accountNumber: '0451000808', holderName: 'DO THI HOA' };

const accounts: Dataset['accounts'] = [
  { ...AN_ACCOUNT, status: 'OPEN' },
  { ...GUARDIAN_ACCOUNT, status: 'OPEN' },
  { ...CLOSED_ACCOUNT, status: 'CLOSED' },
  { ...HOA_ACCOUNT, status: 'OPEN' },
  { providerCode: 'VNPTMONEY', accountNumber: '0912345678', holderName: 'TRAN THI BINH', status: 'OPEN' },
];

// Only the type needs every scenario name; entries marked "stand-in" reuse a person who does not hold that scenario's data.
const scenarios: Record<ScenarioName, Scenario> = {
  SELF_BANK_ACTIVE: scenario(TINY.selfBank, 'own VietinBank account', AN_ACCOUNT),
  MERIT_AND_PENSION: scenario(TINY.meritAndPension, 'merit allowance and pension', AN_ACCOUNT),
  GUARDIAN_CHILD: scenario(TINY.guardianChild, 'paid through the guardian', GUARDIAN_ACCOUNT, TINY.guardian),
  PROXY_EXPIRED: scenario(TINY.guardianChild, 'stand-in', GUARDIAN_ACCOUNT, TINY.guardian),
  DECEASED_STILL_ACTIVE: scenario(TINY.deceased, 'deceased, still active', AN_ACCOUNT),
  NOT_IN_POPULATION_DB: scenario(TINY.notInPopulation, 'unknown to the population database', AN_ACCOUNT),
  NAME_MISMATCH: scenario(TINY.selfBank, 'stand-in', AN_ACCOUNT),
  POST_CASH: scenario(TINY.notInPopulation, 'cash at the post office', AN_ACCOUNT),
  HOME_DELIVERY: scenario(TINY.pensionOnly, 'home delivery', AN_ACCOUNT),
  READY_TO_LINK: scenario(TINY.selfBank, 'stand-in', AN_ACCOUNT),
  HOLDER_MISMATCH: scenario(TINY.selfBank, 'stand-in', GUARDIAN_ACCOUNT),
  ACCOUNT_CLOSED: scenario(TINY.closedAccount, 'closed account', CLOSED_ACCOUNT),
  FAILED_PAYMENT: scenario(TINY.otherProvince, 'rejected by the bank', HOA_ACCOUNT),
  UNCOLLECTED_3_MONTHS: scenario(TINY.pensionOnly, 'stand-in (one uncollected month)', AN_ACCOUNT),
  PENSION_ONLY: scenario(TINY.pensionOnly, 'pension only', AN_ACCOUNT),
  OTHER_PROVINCE: scenario(TINY.otherProvince, 'province 01', HOA_ACCOUNT),
};

/** The tiny data set; frozen at the top level, treat it as read-only. */
export const TINY_DATASET: Dataset = Object.freeze<Dataset>({
  seed: 0,
  scale: 0,
  referenceDate: '2026-11-15',
  period: '2026-10',
  periods: ['2026-07', '2026-08', '2026-09', '2026-10'],
  areas: [
    { code: '01', name: 'Thành phố Hà Nội', level: 'PROVINCE', provinceCode: null },
    { code: '38', name: 'Tỉnh Thanh Hóa', level: 'PROVINCE', provinceCode: null },
    { code: TINY_COMMUNE_01, name: 'Phường Ba Đình', level: 'COMMUNE', provinceCode: '01' },
    { code: TINY_COMMUNE_38, name: 'Phường Hạc Thành', level: 'COMMUNE', provinceCode: '38' },
  ],
  population,
  registry,
  insurance,
  accountsOnFile: [...registry, ...insurance]
    .filter((r, i, all) => all.findIndex((o) => o.citizenId === r.citizenId) === i)
    .map((r) => ({
      beneficiaryCitizenId: r.citizenId,
      ...r.paymentOnFile,
      holderName:
        accounts.find((a) => a.providerCode === r.paymentOnFile.providerCode && a.accountNumber === r.paymentOnFile.accountNumber)
          ?.holderName ?? null,
      since: '2024-01-01',
    })),
  providers: [
    { code: '970415', name: 'Ngân hàng TMCP Công Thương Việt Nam', shortName: 'VietinBank', kind: 'BANK' },
    { code: '970418', name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', shortName: 'BIDV', kind: 'BANK' },
    { code: '970436', name: 'Ngân hàng TMCP Ngoại Thương Việt Nam', shortName: 'Vietcombank', kind: 'BANK' },
    { code: 'VNPTMONEY', name: 'Ví điện tử VNPT Money', shortName: 'VNPT Money', kind: 'E_WALLET' },
    { code: 'VNPOST', name: 'Tổng công ty Bưu điện Việt Nam', shortName: 'Vietnam Post', kind: 'POST' },
  ],
  accounts,
  laborLists,
  insuranceLists,
  treasuryOrders: [
    {
      reference: 'KB-2026-10-0001',
      listId: 'LB-2026-10-16216-SA-970415',
      amount: 500_000,
      status: 'TRANSFERRED',
      createdAt: '2026-10-02T08:00:00+07:00',
      transferredAt: '2026-10-03T10:00:00+07:00',
      rejectReason: null,
    },
    {
      reference: 'KB-2026-10-0002',
      listId: 'LB-2026-10-16216-SA-VNPOST',
      amount: 1_000_000,
      status: 'PENDING',
      createdAt: '2026-10-02T08:00:00+07:00',
      transferredAt: null,
      rejectReason: null,
    },
    {
      reference: 'KB-2026-10-0003',
      listId: 'LB-2026-10-00004-SA-970436',
      amount: 500_000,
      status: 'REJECTED',
      createdAt: '2026-10-02T08:00:00+07:00',
      transferredAt: null,
      rejectReason: 'SAI_THONG_TIN_DON_VI_CHI_TRA',
    },
    {
      reference: 'KB-2026-10-0004',
      listId: 'IB-2026-10-16216-HT-VNPTMONEY',
      amount: 5_500_000,
      status: 'TRANSFERRED',
      createdAt: '2026-10-02T08:00:00+07:00',
      transferredAt: '2026-10-03T10:00:00+07:00',
      rejectReason: null,
    },
  ],
  payerEvents: [
    event('PAY-202609-0101', '970415', 'RECEIVED', '2026-09-05T08:00:00+07:00', 'FT26248001'),
    event('PAY-202609-0101', '970415', 'CREDITED', '2026-09-05T08:05:00+07:00', 'FT26248001'),
    event('PAY-202610-0101', '970415', 'RECEIVED', '2026-10-05T08:00:00+07:00', 'FT26278001'),
    event('PAY-202610-0101', '970415', 'CREDITED', '2026-10-05T08:05:00+07:00', 'FT26278001'),
    event('PAY-202610-0303', '970436', 'RECEIVED', '2026-10-05T08:00:00+07:00', 'VCB26278303'),
    event('PAY-202610-0303', '970436', 'CREDITED', '2026-10-05T08:10:00+07:00', 'VCB26278303'),
    event('PAY-202610-0606', '970418', 'RECEIVED', '2026-10-05T08:00:00+07:00', 'BIDV26278606'),
    event('PAY-202610-0606', '970418', 'RETURNED', '2026-10-06T15:00:00+07:00', 'BIDV26278606', 'ACCOUNT_CLOSED'),
    event('PAY-202610-0808', '970436', 'RECEIVED', '2026-10-05T08:00:00+07:00', 'VCB26278808'),
    event('PAY-202610-0808', '970436', 'REJECTED', '2026-10-05T08:01:00+07:00', 'VCB26278808', 'INVALID_ACCOUNT'),
    event('PAY-202610-0202M', 'VNPTMONEY', 'RECEIVED', '2026-10-05T08:00:00+07:00', 'VNPTM-0202M'),
    event('PAY-202610-0202M', 'VNPTMONEY', 'CREDITED', '2026-10-05T08:00:30+07:00', 'VNPTM-0202M'),
    event('PAY-202610-0202P', 'VNPTMONEY', 'RECEIVED', '2026-10-05T08:00:00+07:00', 'VNPTM-0202P'),
    event('PAY-202610-0202P', 'VNPTMONEY', 'CREDITED', '2026-10-05T08:00:30+07:00', 'VNPTM-0202P'),
    event('PAY-202610-0909', 'VNPOST', 'RECEIVED', '2026-10-05T07:00:00+07:00', null),
    event('PAY-202610-0909', 'VNPOST', 'CASH_PAID', '2026-10-08T09:30:00+07:00', 'BD-26-0909'),
    event('PAY-202610-0707', 'VNPOST', 'RECEIVED', '2026-10-05T07:00:00+07:00', null),
    event('PAY-202610-0707', 'VNPOST', 'UNCOLLECTED', '2026-10-25T17:00:00+07:00', null, 'NOT_COLLECTED'),
  ],
  scenarios: { period: '2026-10', scenarios },
});
