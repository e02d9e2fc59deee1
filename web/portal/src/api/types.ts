// The portal API's answers (src/portal/routes*.ts declare them with zod).

export interface Me {
  name: string | null;
  idNumber: string;
  households: { householdNo: string; villageName: string; members: { name: string }[] }[];
}
