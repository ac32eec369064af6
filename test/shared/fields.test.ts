/**
 * The field checks the page and the server share (src/shared/fields.ts): what the card refuses
 * before sending a write, what the server refuses whoever calls it, and what is written.
 */
import { checkContact, checkValue, MAX_TEXT, parseDay, problemText, type ContactProblem } from '../../src/shared/fields';

describe('checkValue', () => {
  it.each([
    ['021-6234 5678', '021-6234 5678'],
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['(010) 8888-1234 转 12', '(010) 8888-1234 转 12'],
    ['0571-8888 1234 分机 305', '0571-8888 1234 分机 305'],
    ['+1 (212) 555-0100 ext. 7', '+1 (212) 555-0100 ext. 7'],
    ['13800138000 / 010-12345678', '13800138000 / 010-12345678'],
    ['１３８００１３８０００', '13800138000'],
  ])('accepts the phone %s', (typed, sent) => {
    expect(checkValue('phone', typed)).toEqual({ ok: true, value: sent });
  });

  it.each(['abc-12', '1234', '123456789012345678901', '138-0013-800a', 'tel: 12345', '12345 / x', '转 12', '0571-8888 转', '12 转 1234567'])('refuses the phone %s', (typed) => {
    expect(checkValue('phone', typed)).toEqual({ ok: false, problem: 'phone' });
  });

  it.each(['wang@hualian.cn', 'jane.miller+card@acme.example'])('accepts the e-mail %s', (typed) => {
    expect(checkValue('email', ` ${typed} `)).toEqual({ ok: true, value: typed });
  });

  it.each(['wang@', '@hualian.cn', 'wang hualian.cn', 'wang@hualian', 'a@b.cn, c@d.cn', 'wang@@hualian.cn'])('refuses the e-mail %s', (typed) => {
    expect(checkValue('email', typed)).toEqual({ ok: false, problem: 'email' });
  });

  it.each([
    ['1975-03-12', '1975-03-12'],
    ['1975/3/5', '1975-03-05'],
    ['1975.03.05', '1975-03-05'],
    ['1975年3月5日', '1975-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('reads the date %s as %s', (typed, iso) => {
    expect(checkValue('date', typed)).toEqual({ ok: true, value: iso });
    expect(parseDay(typed)).toBe(iso);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '3/5/1975', '三月十二', '1800-01-01', '2026-11-20T10:00'])('refuses the date %s', (typed) => {
    expect(checkValue('date', typed)).toEqual({ ok: false, problem: 'date' });
  });

  it.each([
    ['600,000', '600000'],
    ['¥12,000.50', '12000.50'],
    ['3000元', '3000'],
    ['-0', '0'],
    ['１２０００', '12000'],
    ['123456789012345', '123456789012345'],
  ])('reads the amount %s as %s', (typed, sent) => {
    expect(checkValue('amount', typed)).toEqual({ ok: true, value: sent });
  });

  it.each(['50万', '12,3x', '1,2345', '1.2.3', '1e5', '1234567890123456', 'NaN', 'abc'])('refuses the amount %s as no number', (typed) => {
    expect(checkValue('amount', typed)).toEqual({ ok: false, problem: 'amount' });
  });

  it.each(['-250', '-0.01', '¥-3,000', '－５００'])('refuses the negative amount %s, saying so', (typed) => {
    expect(checkValue('amount', typed)).toEqual({ ok: false, problem: 'negative' });
  });

  it('accepts an empty value (clearing the cell) unless required, and any text up to the limit', () => {
    expect(checkValue('phone', '  ')).toEqual({ ok: true, value: '' });
    expect(checkValue('date', '', true)).toEqual({ ok: false, problem: 'required' });
    expect(checkValue('text', '=SUM(A1)')).toEqual({ ok: true, value: '=SUM(A1)' });
    expect(checkValue('text', 'x'.repeat(MAX_TEXT))).toEqual({ ok: true, value: 'x'.repeat(MAX_TEXT) });
    expect(checkValue('text', 'x'.repeat(MAX_TEXT + 1))).toEqual({ ok: false, problem: 'text' });
  });
});

describe('a birthday', () => {
  it.each([
    ['1980-11-26', '1980-11-26'],
    ['11-26', '11-26'],
    ['11月26日', '11月26日'],
    ['农历八月十五', '农历八月十五'],
    ['阴历2020年闰四月初八', '阴历2020年闰四月初八'],
    ['农历 8-15', '农历 8-15'],
    ['农历腊月廿三', '农历腊月廿三'],
  ])('accepts %s as the team writes it', (typed, sent) => {
    expect(checkValue('birthday', typed)).toEqual({ ok: true, value: sent });
  });

  it.each(['农历', '农历八月', '13-01', '下个月', '1980-02-30', '农历十三月初一'])('refuses %s with the birthday sentence', (typed) => {
    expect(checkValue('birthday', typed)).toEqual({ ok: false, problem: 'birthday' });
    expect(problemText('birthday', 'zh')).toContain('农历八月十五');
  });
});

describe('checkContact', () => {
  const today = '2026-11-20';
  it('accepts a visit today with or without a note', () => {
    expect(checkContact({ kind: 'visit', date: today, note: '', deadline: '' }, today)).toBeNull();
    expect(checkContact({ kind: 'call', date: '2026-11-01', note: 'ok', deadline: '' }, today)).toBeNull();
  });

  it('names the input and the problem', () => {
    expect(checkContact({ kind: 'visit', date: '', note: '', deadline: '' }, today)).toEqual({ field: 'date', problem: 'required' });
    expect(checkContact({ kind: 'visit', date: '2026-11-21', note: '', deadline: '' }, today)).toEqual({ field: 'date', problem: 'future' });
    expect(checkContact({ kind: 'complaint', date: today, note: ' ', deadline: '2026-11-25' }, today)).toEqual({ field: 'note', problem: 'noteNeeded' });
    expect(checkContact({ kind: 'complaint', date: today, note: '破损', deadline: '' }, today)).toEqual({ field: 'deadline', problem: 'deadlineNeeded' });
    expect(checkContact({ kind: 'complaint', date: today, note: '破损', deadline: '2026-11-19' }, today)).toEqual({ field: 'deadline', problem: 'deadline' });
    expect(checkContact({ kind: 'complaint', date: today, note: '破损', deadline: today }, today)).toBeNull();
    expect(checkContact({ kind: 'visit', date: today, note: 'x'.repeat(MAX_TEXT + 1), deadline: '' }, today)).toEqual({ field: 'note', problem: 'text' });
  });
});

describe('problemText', () => {
  const problems: ContactProblem[] = ['required', 'phone', 'email', 'date', 'birthday', 'amount', 'negative', 'text', 'future', 'deadline', 'deadlineNeeded', 'noteNeeded', 'kind'];
  it('says every refusal in both languages, in the language asked', () => {
    for (const p of problems) {
      expect(problemText(p, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(problemText(p, 'en')).toMatch(/^[A-Z]/);
      expect(problemText(p, 'en')).not.toBe(problemText(p, 'zh'));
    }
    expect(problemText('negative', 'zh')).toBe('金额不能为负数。');
  });

  it('refuses a kind the log form does not offer', () => {
    expect(checkContact({ kind: 'visitt', date: '2026-11-20', note: '', deadline: '' }, '2026-11-20')).toEqual({ field: 'kind', problem: 'kind' });
  });
});
