// The portal API's answers (src/portal/routes*.ts declare them with zod).

export interface Me {
  name: string | null;
  idNumber: string;
  households: { householdNo: string; villageName: string; members: { name: string }[] }[];
}

export interface NextStep {
  label: string;
  deadline: string | null;
}

export type Phase = 'pending' | 'granted' | 'payable' | 'suspended' | 'terminal';

export interface MyCase {
  caseNo: string;
  householdNo: string;
  programme: string;
  state: string;
  phase: Phase;
  applicantName: string;
  appliedOn: string;
  nextStep: NextStep | null;
  decision: { label: string; effectiveMonth: string | null; decidedOn: string; amountFen: number | null; amountYuan: string | null } | null;
}

export interface MyCaseDetail extends Omit<MyCase, 'householdNo' | 'decision'> {
  steps: { date: string; label: string; stateLabel: string }[];
  decisions: { label: string; decidedOn: string; effectiveMonth: string | null; endMonth: string | null; reason: string | null; amountFen: number | null; amountYuan: string | null }[];
}

export interface MyPayment {
  month: string;
  programme: string;
  purpose: string;
  householdNo: string;
  recipientName: string;
  amountFen: number;
  amountYuan: string;
  status: 'paid' | 'failed' | 'sent' | 'approved';
  statusLabel: string;
  failureReason: string | null;
  paidTo: string | null;
}

/** 政策找人: what a listed household may apply for (GET /suggestions). */
export interface Suggestion {
  householdNo: string;
  programme: string | null;
  title: string;
  message: string;
}
