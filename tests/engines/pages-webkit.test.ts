// Every page in webkit: no console message, no sideways scrolling at 360 px
// (tests/helpers/every-page.ts).
import { everyPage } from '../helpers/every-page.ts';

everyPage('webkit');
