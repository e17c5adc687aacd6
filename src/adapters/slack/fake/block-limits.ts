/**
 * The checks Slack itself makes on Block Kit (the ones that reject a message as `invalid_blocks`),
 * written independently of the renderer so the fake catches what the renderer gets wrong.
 */
type AnyBlock = Record<string, unknown> & { type?: string };
type TextObject = { type?: string; text?: string } | undefined;

export function blockProblems(blocks: unknown, maxBlocks: number): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks, more than ${maxBlocks}`);
  const actionIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const b = raw as AnyBlock;
    const at = `block ${i} (${b.type})`;
    const text = b.text as TextObject;
    switch (b.type) {
      case 'section':
        if (!text?.text) problems.push(`${at}: empty text`);
        else if (text.text.length > 3000) problems.push(`${at}: text longer than 3000`);
        break;
      case 'header':
        if (text?.type !== 'plain_text' || !text.text) problems.push(`${at}: needs plain_text`);
        else if (text.text.length > 150) problems.push(`${at}: text longer than 150`);
        break;
      case 'context': {
        const elements = (b.elements as TextObject[] | undefined) ?? [];
        if (elements.length === 0 || elements.length > 10) problems.push(`${at}: ${elements.length} elements`);
        for (const e of elements) if (!e?.text || e.text.length > 3000) problems.push(`${at}: element text empty or too long`);
        break;
      }
      case 'actions': {
        const elements = (b.elements as AnyBlock[] | undefined) ?? [];
        if (elements.length === 0 || elements.length > 25) problems.push(`${at}: ${elements.length} elements`);
        for (const e of elements) {
          const label = (e.text as TextObject)?.text ?? '';
          const id = String(e.action_id ?? '');
          if (label === '' || label.length > 75) problems.push(`${at}: button text "${label.slice(0, 20)}…" empty or longer than 75`);
          if (id === '' || id.length > 255) problems.push(`${at}: action_id empty or longer than 255`);
          if (actionIds.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
          actionIds.add(id);
          if (typeof e.value === 'string' && e.value.length > 2000) problems.push(`${at}: value longer than 2000`);
          if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') problems.push(`${at}: style ${String(e.style)}`);
        }
        break;
      }
      case 'divider':
        break;
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  return problems;
}
