// The error-code catalogue: every `code` an answer's `{ error: { code, message, details } }` may carry,
// with its usual HTTP status and what it means in Chinese. The kernel defines the common codes; each
// layer and module defines its own in its `error-codes.ts` (src/error-codes.test.ts proves that every
// code the source throws is defined). GET /api/v1/error-codes lists them for API clients.

export interface ErrorCodeInfo {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;
  /** What the code means, in Chinese (the message of an answer says the particular reason). */
  title: string;
}

const CODES = new Map<string, ErrorCodeInfo & { owner: string }>();

/** Adds codes to the catalogue; a code defined twice with another meaning is a programming error. */
export function defineErrorCodes(owner: string, table: Readonly<Record<string, ErrorCodeInfo>>): void {
  for (const [code, info] of Object.entries(table)) {
    const had = CODES.get(code);
    if (had && (had.status !== info.status || had.title !== info.title)) throw new Error(`error code ${code} defined by ${had.owner} and differently by ${owner}`);
    if (!had) CODES.set(code, { ...info, owner });
  }
}

export function errorCodes(): { code: string; status: number; title: string; owner: string }[] {
  return [...CODES].map(([code, i]) => ({ code, ...i })).sort((a, b) => (a.code < b.code ? -1 : 1));
}

export function isDefinedErrorCode(code: string): boolean {
  return CODES.has(code);
}

defineErrorCodes('kernel', {
  validation_failed: { status: 400, title: '输入不符合要求（details.fields 逐项指出字段）' },
  invalid_field: { status: 400, title: '某个字段的值无效' },
  invalid_json: { status: 400, title: '请求体不是有效的 JSON' },
  bad_request: { status: 400, title: '请求无效' },
  invalid_file: { status: 400, title: '上传的文件无法读取或格式不符' },
  file_too_large: { status: 413, title: '上传的文件超过大小上限' },
  invalid_document: { status: 400, title: '上传的材料或签名无效（类型须为 PNG、JPEG 或 PDF，按文件内容判断；每份不超过 5 MB，至多 10 份）' },
  file_inflates_too_large: { status: 413, title: '压缩文件解压后超过上限或压缩比异常（疑似压缩炸弹）' },
  file_too_complex: { status: 413, title: '文件内容过多，解析超出单元格、文字、内存或时间上限' },
  too_many_rows: { status: 400, title: '文件行数超过上限' },
  too_many_columns: { status: 400, title: '某行的列数超过上限' },
  cell_too_long: { status: 400, title: '某个单元格的文字超过长度上限' },
  unauthorized: { status: 401, title: '未登录或登录已过期' },
  forbidden: { status: 403, title: '无权执行此操作或访问此区域' },
  not_found: { status: 404, title: '记录不存在' },
  internal: { status: 500, title: '服务器内部错误' },
  invalid_config: { status: 500, title: '环境变量（运行配置）有误，程序不能启动' },
});
