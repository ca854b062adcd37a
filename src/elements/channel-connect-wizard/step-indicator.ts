import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

export type WizardStep = 'choose' | 'credentials' | 'routing' | 'connected';

export interface StepItem {
  step: WizardStep;
  label: string;
}

/** The visible list of steps: done ones ticked, the current one marked `aria-current="step"`. */
export function renderStepIndicator(steps: readonly StepItem[], current: WizardStep): TemplateResult {
  const at = steps.findIndex((s) => s.step === current);
  return html`<ol class="steps" part="steps" aria-label=${msg('Steps')}>
    ${steps.map((s, i) => {
      const state = i < at ? 'done' : i === at ? 'current' : 'todo';
      return html`<li class=${state} aria-current=${i === at ? 'step' : 'false'}>
        <span class="step-number" aria-hidden="true">${i < at ? '✓' : i + 1}</span>
        <span class="step-label"
          >${s.label}<span class="visually-hidden"
            >${state === 'done' ? msg(' (done)') : msg(str` (step ${i + 1} of ${steps.length})`)}</span
          ></span
        >
      </li>`;
    })}
  </ol>`;
}
