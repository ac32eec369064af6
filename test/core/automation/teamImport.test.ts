import { teamFromSheet } from '../../../src/core/automation/teamImport';

describe('teamFromSheet', () => {
  it('reads a team list with its own header names, in any column order, skipping rows without a known role', () => {
    const rows = [
      ['销售团队', '', '', '', ''],
      ['邮箱', '姓名', '工号', '岗位', '负责区域'],
      ['s01@example.com', '王伟', 'S01', '销售员', '华东'],
      ['mgr@example.com', '李娜', 'M01', '区域经理', '华东'],
      ['', '', '', '实习生', ''],
      ['gm@example.com', '张强', '', 'General manager', ''],
    ];
    expect(teamFromSheet(rows)).toEqual([
      { role: 'rep', name: '王伟', code: 'S01', email: 's01@example.com', region: '华东' },
      { role: 'manager', name: '李娜', code: 'M01', email: 'mgr@example.com', region: '华东' },
      { role: 'gm', name: '张强', code: '', email: 'gm@example.com', region: '' },
    ]);
  });

  it('is null for a sheet that is not a team list', () => {
    expect(teamFromSheet([['客户代码', '名称', '邮箱'], ['KH1', 'x', 'a@b.c']])).toBeNull();
    expect(teamFromSheet([['Role', 'Name', 'Email'], ['intern', 'x', 'a@b.c']])).toBeNull();
    expect(teamFromSheet([])).toBeNull();
  });
});
