// The policy check's and applications' answers (src/portal/policy-check.ts, applications.ts declare them with zod).

export type Situation = 'elderly' | 'disabled' | 'minor';

export interface PolicyCheckInput {
  areaCode: string;
  hukou: 'rural' | 'urban';
  householdSize: number;
  monthlyIncomeYuan: number;
  depositsYuan: number;
  ownsCar: boolean;
  ownsBusiness: boolean;
  persons: { situation: Situation; noSupporter: boolean }[];
}

export interface PolicyCheckResult {
  checkedOn: string;
  note: string;
  programmes: { programme: string; name: string; result: 'may' | 'unlikely' | 'depends'; resultLabel: string; reasons: string[]; figures: { label: string; amountFen: number }[] }[];
}

export interface Prefill {
  applicant: { name: string | null; idNumber: string };
  programmes: { code: string; name: string }[];
  households: {
    householdNo: string;
    villageName: string;
    members: { name: string; relation: string; age: number; situation: Situation | null }[];
    policyCheck: PolicyCheckInput;
  }[];
}

export interface Application {
  requestNo: string;
  programme: string;
  programmeName: string;
  receivedOn: string;
  state: string;
  documents: number;
  signatureSha256: string;
}

export interface AreaItem {
  code: string;
  name: string;
  village: boolean;
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
