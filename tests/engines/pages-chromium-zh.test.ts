// Every Chinese page in Chromium: no console message, no sideways scrolling at 360 px, axe in dark
// and light (tests/helpers/every-page.ts; pages-chromium-rest.test.ts has the other pages).
import { everyPage } from '../helpers/every-page.ts';

everyPage('chromium', 'zh');
