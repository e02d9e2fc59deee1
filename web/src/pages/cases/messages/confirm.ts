// The confirmations before the irreversible or money-stopping steps of the cases pages: each says what will
// happen, with the numbers (spread into index.ts).
export const casesConfirmZhCN = {
  'cases.confirm.batch': '将把 {n} 件待县级审核的{programme}案件编为一个批次（编组日期 {date}），编组后不能拆分。确定编组？',
  'cases.confirm.batchNone': '没有待县级审核且未编组的{programme}案件',
  'cases.confirm.batchOk': '编组',
  'cases.confirm.sample': '将从 {size} 件中抽取 {count} 件（{ratio}）入户抽查{flagged}，种子 {seed}；抽取后不能重抽。确定抽取？',
  'cases.confirm.sampleFlagged': '，其中近亲属备案或被举报的 {n} 件必入样本',
  'cases.confirm.sampleRandomSeed': '随机生成',
  'cases.confirm.sampleOk': '抽取',
  'cases.confirm.suspend': '暂停发放后，自 {month}起不再发放 {amount} 元/月，恢复发放须另行审批。确定暂停？',
  'cases.confirm.suspendNoAmount': '暂停发放后，自 {month}起停止发放，恢复发放须另行审批。确定暂停？',
  'cases.confirm.exit': '退出后，自 {month}起不再发放 {amount} 元/月，案件终止，不能恢复。确定退出？',
  'cases.confirm.exitNoAmount': '退出后，自 {month}起停止发放，案件终止，不能恢复。确定退出？',
  'cases.confirm.death': '登记死亡（{date}）后，案件转入死亡复核，现发放的 {amount} 元/月须重新核定或停发。确定登记？',
  'cases.confirm.deathNoAmount': '登记死亡（{date}）后，案件转入死亡复核，保障金须重新核定或停发。确定登记？',
  'cases.confirm.stopOk': '确定停发',
  'cases.confirm.deathOk': '确定登记',
};

