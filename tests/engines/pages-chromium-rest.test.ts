// Every page in Chromium but the Chinese ones (pages-chromium-zh.test.ts): no console message, no
// sideways scrolling at 360 px, axe in dark and light (tests/helpers/every-page.ts).
import { everyPage } from '../helpers/every-page.ts';

everyPage('chromium', 'rest');
