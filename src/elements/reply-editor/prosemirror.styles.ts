import { css } from 'lit';

/**
 * ProseMirror's base stylesheet (prosemirror-view/style/prosemirror.css). ProseMirror expects it
 * in the page; inside a shadow root it must be part of the element's own styles.
 */
export const proseMirrorStyles = css`
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    -webkit-font-variant-ligatures: none;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  /* A long reply (thousands of words) would be laid out and painted whole on every keystroke:
     blocks out of view skip rendering, and the editor's layout and paint stay its own. */
  .ProseMirror {
    contain: content;
  }
  .ProseMirror > * {
    content-visibility: auto;
    contain-intrinsic-size: auto 1.5em;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  .ProseMirror li {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection {
    caret-color: transparent;
  }
  .ProseMirror [draggable][contenteditable='false'] {
    user-select: text;
  }
  .ProseMirror-selectednode {
    outline: 2px solid #8cf;
  }
  li.ProseMirror-selectednode {
    outline: none;
  }
  li.ProseMirror-selectednode::after {
    content: '';
    position: absolute;
    left: -32px;
    right: -2px;
    top: -2px;
    bottom: -2px;
    border: 2px solid #8cf;
    pointer-events: none;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }
`;
