import { expect } from '@open-wc/testing';

import { deepActiveElement, nameOf, waitFor } from '../helpers/queries.js';
import { makeDesk, mountEditor } from '../helpers/reply-editor-desk.js';
import { type } from './keyboard.js';

const REPLY = 'Yes: 20% off the annual plan.';

describe('Keyboard only: typing as soon as focus reaches the Reply box', function () {
  this.timeout(60_000);

  // The desk moves focus to the Reply box (after "Reply" on a message); keys that follow at once keep
  // their order. Without the editor's own text input handling, Chrome sometimes reported the cursor
  // before the first character and the rest of the reply went in front of it ("es: …Y"): the race is
  // timing-dependent, so it is tried several times.
  it('keeps every character in order, first one included', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const desk = await makeDesk();
      const el = await mountEditor(desk, 'conv-5');
      const box = await waitFor(
        () => el.shadowRoot!.querySelector<HTMLElement>('.ProseMirror[role="textbox"]'),
        'the rich editor',
        8000,
      );
      el.focus();
      expect(nameOf(deepActiveElement()!)).to.equal('Reply');
      await type(REPLY);
      expect(box.textContent, `attempt ${attempt + 1}`).to.equal(REPLY);
      el.remove();
      desk.store.dispose();
    }
  });
});
