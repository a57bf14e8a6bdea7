import * as assert from 'node:assert/strict';
import { yearOf } from '../../src/core/analysis/articleLevel';

describe('the year a period begins with', () => {
  it('reads what /^(?:FY)?(\\d{4})/ reads, on periods and near misses', () => {
    const reference = (p: string) => {
      const m = /^(?:FY)?(\d{4})/.exec(p);
      return m ? Number(m[1]) : undefined;
    };
    const periods = ['2023', '2023-04-11', '2023-Q4', 'FY2023', 'FY2023-Q3', 'FY12345', 'FY', 'FY202', '202', '', 'F2023', 'F12345', 'FX20231', 'XY20231', 'YF2023', 'FYFY2023', '２０２３', '0999', '2023年', 'fy2023', '20a3', '1999-2001'];
    for (const p of periods) assert.equal(yearOf(p), reference(p), JSON.stringify(p));
  });
});
