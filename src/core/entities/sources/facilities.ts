/** Buildings and venues named after the place they stand in: 某城会议中心, 某国教堂. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { FACILITIES } from '../kinds';
import { triggerTable } from '../../text/chars';

/** The first units of FACILITIES: after most places none follows, and one read rules out the whole list. */
const FACILITY_STARTS = triggerTable(FACILITIES);

/**
 * A place's name right before a facility's last word is the facility's name, one place
 * (某城博物馆, 某市会议中心), whichever source read the place: the tagger reads a known name
 * and the word after it apart. Every training split labels such names whole (cluener-train
 * 会议中心 18, 球场 21, 铁塔 12; msra-train 会议中心 5, 铁塔 5, 故居 5). Runs after the other
 * sources: it reads their places.
 */
export function facilitiesAfterPlaces({ norm }: DetectContext, sink: CandidateSink): void {
  const n = sink.all.length;
  for (let k = 0; k < n; k++) {
    const c = sink.all[k]!;
    if (c.type !== 'place' || c.weak || c.source === 'abbreviation' || FACILITY_STARTS[norm.charCodeAt(c.end)] !== 1) continue;
    // (a loop, not find: no closure per place)
    for (let f = 0; f < FACILITIES.length; f++) {
      if (!norm.startsWith(FACILITIES[f]!, c.end)) continue;
      sink.add(c.start, c.end + FACILITIES[f]!.length, 'place', 'suffix', Priority.Tagger);
      break;
    }
  }
}
