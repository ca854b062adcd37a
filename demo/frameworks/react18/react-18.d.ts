// `react-18` and `react-dom-18` are npm aliases of React 18.3 (package.json), installed next to React 19 so
// that both examples run from one checkout. They are typed with @types/react 19, whose API is the same for
// everything the example uses (createElement, useState, createRoot).
declare module 'react-18' {
  import * as React from 'react';
  export = React;
}
declare module 'react-dom-18/client' {
  import * as ReactDOMClient from 'react-dom/client';
  export = ReactDOMClient;
}
