import type { OptionDef } from './types.js';

/** Options several commands share. */
export const topicOption: OptionDef = {
  name: 'topic',
  type: 'string',
  choicesFrom: 'topics',
  description: { en: 'Topic (default: all)', zh: '主题（默认全部）' },
};

export const levelOption: OptionDef = {
  name: 'level',
  type: 'string',
  description: { en: 'Level: junior, mid or senior (default: all)', zh: '难度：junior、mid 或 senior（默认全部）' },
  choices: [
    { value: 'junior', label: { en: 'Junior', zh: '初级' } },
    { value: 'mid', label: { en: 'Mid', zh: '中级' } },
    { value: 'senior', label: { en: 'Senior', zh: '高级' } },
  ],
};

/** `lang:zh` / `lang:en`; `description` says what the language applies to. */
export function langOption(description: OptionDef['description']): OptionDef {
  return {
    name: 'lang',
    type: 'string',
    description,
    choices: [
      { value: 'zh', label: { en: '中文', zh: '中文' } },
      { value: 'en', label: { en: 'English', zh: 'English' } },
    ],
  };
}
