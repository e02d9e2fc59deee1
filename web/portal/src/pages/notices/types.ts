// The answers of the notices routes (src/portal/routes-notices.ts declares them with zod).

export interface MyNotice {
  caseNo: string;
  programme: string;
  title: string;
  body: string[];
  decidedOn: string;
  amountFen: number | null;
  amountYuan: string | null;
}

export interface PublicNotice {
  caseNo: string;
  programme: string;
  villageName: string;
  applicantName: string;
  householdSize: number;
  amountFen: number | null;
  amountYuan: string | null;
  amountStatus: 'decided' | 'proposed' | 'none';
  noticeStart: string;
  noticeEnd: string;
}
