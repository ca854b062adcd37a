// Renders a CSF3 story the way Storybook's web-components renderer does, without Storybook:
// args = meta.args + story.args; parameters deep-merged preview → meta → story; decorators story
// (innermost), then meta, then the preview's withDesk (outermost); render = story.render ?? meta.render
// ?? the component's tag with the args as properties; then the story's play function.
import { render as renderLit } from 'lit';

import { withDesk } from '../../../stories/decorators.js';

type Args = Record<string, unknown>;
type Parameters = Record<string, unknown>;

export interface StoryContext {
  id: string;
  name: string;
  title: string;
  component?: string;
  args: Args;
  argTypes: Record<string, unknown>;
  globals: { theme: string; locale: string };
  parameters: Parameters;
  canvasElement: HTMLElement;
  viewMode: 'story';
  loaded: Record<string, never>;
  step: (label: string, play: () => unknown) => Promise<void>;
}

type RenderFn = (args: Args, context: StoryContext) => unknown;
type StoryFn = (update?: Partial<StoryContext>) => unknown;
type DecoratorFn = (story: StoryFn, context: StoryContext) => unknown;

/** The annotations a stories module's default export and named exports carry. */
export interface Annotations {
  title?: string;
  name?: string;
  component?: string;
  args?: Args;
  argTypes?: Record<string, unknown>;
  parameters?: Parameters;
  decorators?: DecoratorFn[];
  render?: RenderFn;
  play?: (context: StoryContext) => unknown;
}

/** .storybook/preview.ts, minus what only Storybook's UI reads. */
const preview: Annotations = {
  parameters: { layout: 'padded' },
  decorators: [withDesk as unknown as DecoratorFn],
};

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Storybook's combineParameters: plain objects merge key by key, anything else is replaced. */
export function mergeParameters(...layers: (Parameters | undefined)[]): Parameters {
  const out: Parameters = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      out[key] = isPlain(value) && isPlain(out[key]) ? mergeParameters(out[key], value) : value;
    }
  }
  return out;
}

function defaultRender(_args: Args, context: StoryContext): HTMLElement {
  if (!context.component) throw new Error(`${context.id} has no render function and no component`);
  return Object.assign(document.createElement(context.component), context.args);
}

export interface PreparedStory {
  context: StoryContext;
  /** Renders into the canvas element and runs the play function. */
  mount(): Promise<void>;
}

export function prepareStory(
  meta: Annotations,
  story: Annotations,
  id: string,
  globals: StoryContext['globals'],
  canvasElement: HTMLElement,
  overrides: Parameters = {},
): PreparedStory {
  const context: StoryContext = {
    id,
    name: story.name ?? id,
    title: meta.title ?? '',
    component: meta.component,
    args: { ...meta.args, ...story.args },
    argTypes: { ...meta.argTypes, ...story.argTypes },
    globals,
    parameters: mergeParameters(preview.parameters, meta.parameters, story.parameters, overrides),
    canvasElement,
    viewMode: 'story',
    loaded: {},
    step: async (_label, play) => void (await play()),
  };
  const renderStory = story.render ?? meta.render ?? defaultRender;
  const decorators = [...(story.decorators ?? []), ...(meta.decorators ?? []), ...(preview.decorators ?? [])];
  const decorated = decorators.reduce<(ctx: StoryContext) => unknown>(
    (inner, decorator) => (ctx) => decorator((update) => inner(update ? { ...ctx, ...update } : ctx), ctx),
    (ctx) => renderStory(ctx.args, ctx),
  );
  return {
    context,
    async mount() {
      const result = decorated(context);
      if (result instanceof Node) canvasElement.replaceChildren(result);
      else renderLit(result, canvasElement);
      await story.play?.(context);
    },
  };
}
