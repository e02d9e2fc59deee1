// Names of programmes as staff see them (the registry's Chinese name).
import { isProgramme, programmeOf } from '../../../programmes/registry.ts';

export const programmeName = (code: string): string => (isProgramme(code) ? programmeOf(code).labels['zh-CN'].name : code);
