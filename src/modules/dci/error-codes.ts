// Error codes of the SPDCI API (the catalogue: src/kernel/error-codes.ts). The `err.*` codes are the spec's
// own (components.schemas.Error), answered in its envelope; the others come from the CLI.
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('dci', {
  'err.request.bad': { status: 400, title: 'SPDCI：请求报文无效（message 指出字段）' },
  'err.request.unauthorized': { status: 401, title: 'SPDCI：缺少或无效的访问令牌（先到 /dci/oauth2/client/token 取令牌）' },
  'err.request.forbidden': { status: 403, title: 'SPDCI：接入系统无权执行此操作' },
  'err.request.not_found': { status: 404, title: 'SPDCI：没有这个地址或记录' },
  'err.version.not_supported': { status: 400, title: 'SPDCI：不支持的报文版本（仅 1.0.0）' },
  'err.sender_id.invalid': { status: 400, title: 'SPDCI：header.sender_id 与令牌所属的接入系统不符' },
  'err.sender_uri.invalid': { status: 400, title: 'SPDCI：回调地址不在该接入系统登记的地址中，或指向本机、内网或非 https 地址' },
  'err.receiver_id.invalid': { status: 400, title: 'SPDCI：header.receiver_id 不是本系统' },
  'err.signature.missing': { status: 400, title: 'SPDCI：报文缺少签名' },
  'err.signature.invalid': { status: 400, title: 'SPDCI：签名无效（与报文不符、密钥未登记或已过期）' },
  'err.encryption.invalid': { status: 400, title: 'SPDCI：不支持加密报文' },
  'err.service.unavailable': { status: 500, title: 'SPDCI：服务暂不可用' },
  dci_client_exists: { status: 409, title: '该接入系统编号已登记' },
  dci_client_unknown: { status: 404, title: '没有这个接入系统' },
  invalid_client: { status: 401, title: '接入系统编号或密钥错误，或已停用（OAuth2 client_credentials）' },
  dci_too_many_attempts: { status: 429, title: '取令牌失败次数过多（同一地址 15 分钟内 10 次），请按 Retry-After 等待' },
  unsupported_grant_type: { status: 400, title: '仅支持 grant_type=client_credentials' },
});
