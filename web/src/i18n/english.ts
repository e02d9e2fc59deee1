// The English dictionaries (the app's and antd's), loaded only when a user picks English: most users never
// do, and the first screen stays smaller without them.
import enUS from 'antd/es/locale/en_US';
import { en } from './en.ts';

export const english = { messages: en, antd: enUS };
export type English = typeof english;
