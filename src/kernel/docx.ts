// Word documents of a case (docx package): the decision notice (审批决定通知书) with the monthly amount
// and the month payment starts, the rejection notice (不予批准通知书) with the written reason, the exit
// notice (停止救助通知书); each states the applicant's appeal rights. And the public-notice list.
// The docx package is loaded with the first document, not at start.
type Docx = typeof import('docx');

let loaded: Promise<Docx> | undefined;
const docxLib = (): Promise<Docx> => (loaded ??= import('docx'));

export interface NoticeContent {
  title: string;
  caseNo: string;
  applicantName: string;
  /** Body paragraphs, in order. */
  body: string[];
  issuer: string;
  issuedOn: string;
}

/** Appeal rights (救济途径) stated on every decision: review by the county government, or the courts. */
export function appealRights(countyName: string): string {
  return `如对本决定不服，可以自收到本通知书之日起依法向${countyName}人民政府申请行政复议，也可以依法向人民法院提起行政诉讼。`;
}

type Alignment = Docx['AlignmentType'][keyof Docx['AlignmentType']];

const para = ({ Paragraph, TextRun }: Docx, text: string, opts: { bold?: boolean; align?: Alignment } = {}) =>
  new Paragraph({ alignment: opts.align, spacing: { after: 160 }, children: [new TextRun({ text, bold: opts.bold, font: 'SimSun', size: 24 })] });

export async function noticeDocx(n: NoticeContent): Promise<Buffer> {
  const lib = await docxLib();
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = lib;
  const doc = new Document({
    creator: 'Jiuzhu 救助',
    title: n.title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: n.title, bold: true, font: 'SimHei', size: 36 })] }),
        para(lib, `案件编号：${n.caseNo}`, { align: AlignmentType.RIGHT }),
        para(lib, `${n.applicantName}：`),
        ...n.body.map((b) => para(lib, b)),
        para(lib, n.issuer, { align: AlignmentType.RIGHT }),
        para(lib, n.issuedOn, { align: AlignmentType.RIGHT }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

export interface NoticeRow {
  villageName: string;
  name: string;
  householdSize: number;
  amount: string;
}

/** The public-notice list (公示名单): name, household size and amount only. */
export async function publicNoticeDocx(title: string, rows: NoticeRow[], footer: string): Promise<Buffer> {
  const lib = await docxLib();
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = lib;
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: 'SimSun', size: 22 })] })] });
  const header = new TableRow({ tableHeader: true, children: ['村（社区）', '姓名', '家庭人口', '月保障金额（元）'].map((h) => cell(h, true)) });
  const doc = new Document({
    creator: 'Jiuzhu 救助',
    title,
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: title, bold: true, font: 'SimHei', size: 32 })] }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows.map((r) => new TableRow({ children: [cell(r.villageName), cell(r.name), cell(String(r.householdSize)), cell(r.amount)] }))] }),
        para(lib, footer),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
