// Shapes of the portal's complaints API (src/modules/oversight/citizen.ts).
export type SubjectKind = 'recipient' | 'staff' | 'other';
export const CATEGORIES = ['favouritism', 'fraud', 'eligibility', 'misconduct', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface ComplaintMade {
  complaintNo: string;
  anonymous: boolean;
}

export interface MyComplaint {
  complaintNo: string;
  receivedOn: string;
  categoryLabel: string;
  statusLabel: string;
  subjectLabel: string;
  subjectName: string | null;
  content: string;
  feedback: { date: string; content: string }[];
  conclusionLabel: string | null;
  concludedOn: string | null;
}
