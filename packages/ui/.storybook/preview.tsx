import type { Decorator, Preview } from '@storybook/react-vite';
import { I18nextProvider } from 'react-i18next';
import '../src/styles.css';
import { setStoryLanguage, storyI18n } from '../src/stories/story-i18n';

const withLanguage: Decorator = (Story, context) => {
  const lang = (context.globals.locale as string | undefined) ?? 'en';
  return (
    <I18nextProvider i18n={storyI18n(lang)}>
      <div lang={lang}>
        <Story />
      </div>
    </I18nextProvider>
  );
};

// Every console.error during a story (React warnings, missing texts, failed
// prop types) fails its test: collected in beforeEach, checked in afterEach.
let consoleErrors: string[] = [];

const preview: Preview = {
  decorators: [withLanguage],
  globalTypes: {
    locale: {
      description: 'Language of the components',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ko', title: '한국어' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    a11y: { test: 'error' },
    layout: 'padded',
    controls: { expanded: true },
    viewport: {
      options: {
        narrow: { name: 'Narrow phone (320 px)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        tablet: { name: 'Tablet (768 px)', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
  beforeEach({ globals, viewMode }) {
    const lang = (globals.locale as string | undefined) ?? 'en';
    setStoryLanguage(lang);
    if (viewMode === 'story') document.documentElement.lang = lang;
    consoleErrors = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
      original.apply(console, args);
    };
    return () => {
      console.error = original;
    };
  },
  afterEach() {
    if (consoleErrors.length)
      throw new Error(`The story logged ${consoleErrors.length} console error(s):\n${consoleErrors.join('\n')}`);
  },
  tags: ['autodocs'],
};

export default preview;
