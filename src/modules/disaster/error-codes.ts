// Error codes of the disaster module (the catalogue: src/kernel/error-codes.ts).
import { defineErrorCodes } from '../../kernel/error-codes.ts';

defineErrorCodes('disaster', {
  disaster_event_ended: { status: 409, title: '灾害事件已结束' },
});
