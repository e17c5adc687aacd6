import type { Entry } from './types.js';

export interface SeedSections {
  file: string;
  /** Finds heading-like lines, so a section nobody listed is noticed. */
  pattern: string;
  sections: string[];
}

export interface CoverageReport {
  /** seed file → section → ids of the entries that cover it */
  record: Record<string, Record<string, string[]>>;
  uncovered: { seed: string; section: string }[];
  /** Heading-like lines of a seed that the section list does not name. */
  unlisted: { seed: string; line: string }[];
  /** Listed sections that the seed text does not contain (a typo, or the seed changed). */
  missingFromSeed: { seed: string; section: string }[];
  /** Entries that cite a seed or section that is not in the list. */
  unknownCitations: { entry: string; seed: string; section?: string }[];
}

/**
 * Maps every seed section to the entries whose `sources` cite it. `seedTexts` is optional because
 * the seeds live outside the repository; without them the list is trusted as written.
 */
export function checkCoverage(seeds: SeedSections[], entries: Entry[], seedTexts?: Map<string, string>): CoverageReport {
  const record: CoverageReport['record'] = {};
  const report: CoverageReport = { record, uncovered: [], unlisted: [], missingFromSeed: [], unknownCitations: [] };
  for (const s of seeds) record[s.file] = Object.fromEntries(s.sections.map((sec) => [sec, [] as string[]]));

  for (const e of entries) {
    for (const src of e.sources) {
      const sections = record[src.seed];
      if (!sections) {
        report.unknownCitations.push({ entry: e.id, seed: src.seed });
        continue;
      }
      for (const sec of src.sections) {
        const ids = sections[sec];
        if (ids) ids.push(e.id);
        else report.unknownCitations.push({ entry: e.id, seed: src.seed, section: sec });
      }
    }
  }
  for (const s of seeds) {
    for (const sec of s.sections) if (record[s.file]?.[sec]?.length === 0) report.uncovered.push({ seed: s.file, section: sec });
    const text = seedTexts?.get(s.file);
    if (text === undefined) continue;
    const lines = text.split(/\r?\n/);
    const trimmed = new Set(lines.map((l) => l.trim()));
    const listed = new Set(s.sections);
    for (const sec of s.sections) if (!trimmed.has(sec)) report.missingFromSeed.push({ seed: s.file, section: sec });
    const re = new RegExp(s.pattern, 'u');
    for (const l of lines) if (re.test(l) && !listed.has(l.trim())) report.unlisted.push({ seed: s.file, line: l.trim() });
  }
  return report;
}
