/** The status column's colour rules: the add-on's found among the team's, replaced in place, written only when needed. */
import { quadrantText } from '../../../src/core/automation/reasons';
import { planStatusRules, statusColourRules, type RuleView } from '../../../src/core/automation/statusColours';

const TARGET = { row: 2, column: 9, numRows: 999, numColumns: 1 };
const wanted = statusColourRules();
const own = (over: Partial<RuleView> = {}, k = 0): RuleView => ({
  text: wanted[k].text,
  background: wanted[k].background,
  fontColor: wanted[k].fontColor,
  ranges: [TARGET],
  ...over,
});
const ownAll = (): RuleView[] => wanted.map((_, k) => own({}, k));
const team = (column = 3): RuleView => ({ text: null, background: null, fontColor: null, ranges: [{ row: 2, column, numRows: 50, numColumns: 1 }] });

describe('status colour rules', () => {
  it('are the three words in both languages, each with its own colour', () => {
    expect(wanted.map((r) => r.text)).toEqual(['红', '黄', '绿', 'red', 'amber', 'green']);
    expect(new Set(wanted.map((r) => r.background)).size).toBe(3);
    expect(wanted[0].background).toBe(wanted[3].background);
  });

  it('are all added after the team\'s rules on a sheet without them', () => {
    expect(planStatusRules([team(), team(4)], wanted, TARGET)).toEqual({ keep: [0, 1], insertAt: 2 });
    expect(planStatusRules([], wanted, TARGET)).toEqual({ keep: [], insertAt: 0 });
  });

  it('write nothing when they are already there, wherever they stand among the team\'s', () => {
    expect(planStatusRules(ownAll(), wanted, TARGET)).toBeNull();
    expect(planStatusRules([team(), ...ownAll(), team(5)], wanted, TARGET)).toBeNull();
  });

  it('are replaced where they stood when a colour, a word or the range differs', () => {
    const changed = [team(), ...ownAll(), team(5)];
    changed[2] = own({ background: '#ffffff' }, 1);
    expect(planStatusRules(changed, wanted, TARGET)).toEqual({ keep: [0, 7], insertAt: 1 });
    // The sheet grew: the range no longer reaches its end.
    const shorter = [team(), ...ownAll().map((r) => ({ ...r, ranges: [{ ...TARGET, numRows: 500 }] }))];
    expect(planStatusRules(shorter, wanted, TARGET)).toEqual({ keep: [0], insertAt: 1 });
    // One of them deleted by a person.
    expect(planStatusRules(ownAll().slice(1), wanted, TARGET)).toEqual({ keep: [], insertAt: 0 });
  });

  it('leave a team rule on the same word alone when it covers another column too', () => {
    const theirs: RuleView = { ...own(), ranges: [TARGET, { row: 2, column: 3, numRows: 10, numColumns: 1 }] };
    expect(planStatusRules([theirs, ...ownAll()], wanted, TARGET)).toBeNull();
    const wide: RuleView = { ...own(), ranges: [{ ...TARGET, numColumns: 3 }] };
    expect(planStatusRules([wide], wanted, TARGET)).toEqual({ keep: [0], insertAt: 1 });
  });
});

describe('quadrant words', () => {
  it('say what each letter means in both languages, with no letter that passes for a tier', () => {
    for (const q of ['A', 'B', 'C', 'D']) {
      for (const lang of ['zh', 'en'] as const) {
        const words = quadrantText(q, lang);
        expect(words).not.toMatch(/\b[A-D]\b/);
        expect(words).toMatch(lang === 'zh' ? /^[高低]周转·[高低]毛利$/ : /^(high|low) turnover, (high|low) margin$/);
      }
    }
    // In quadrant.ts's order: high x / high y, high x / low y, low x / low y, low x / high y (x turnover, y margin rate).
    expect(['A', 'B', 'C', 'D'].map((q) => quadrantText(q, 'zh'))).toEqual(['高周转·高毛利', '高周转·低毛利', '低周转·低毛利', '低周转·高毛利']);
    expect(quadrantText('', 'zh')).toBe('');
  });
});
