import { expect } from '@open-wc/testing';

import { HelpDeskError, toHelpDeskError } from '../../src/adapters/errors.js';

describe('HelpDeskError', () => {
  it('carries a code, a readable message and field errors', () => {
    const error = new HelpDeskError('invalid', 'Check the token.', { fieldErrors: { token: 'Too short' } });
    expect(error).to.be.instanceOf(Error);
    expect(error.code).to.equal('invalid');
    expect(error.message).to.equal('Check the token.');
    expect(error.fieldErrors).to.deep.equal({ token: 'Too short' });
    expect(error.retryable).to.be.false;
  });

  it('turns anything thrown into an unavailable HelpDeskError', () => {
    const error = toHelpDeskError(new TypeError('Failed to fetch'));
    expect(error.code).to.equal('unavailable');
    expect(error.message).to.equal('Failed to fetch');
    expect(error.retryable).to.be.true;
  });
});
