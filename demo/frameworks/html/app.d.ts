import type { MountExample } from '../example.js';

export declare const mount: MountExample;
