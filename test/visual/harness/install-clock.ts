// Imported first by the screenshot tests, so every module after it reads the fixture clock.
import { installFixtureClock } from './clock.js';

installFixtureClock();
