import type { ConsoleWords } from './en';

export const consoleNe: ConsoleWords = {
  console: {
    title: 'आयोजकको व्यवस्थापन पेज',
    soon: 'व्यवस्थापनका पेजहरू छिट्टै आउँदैछन्। त्यतिन्जेल आयोजकहरूले /docs मा रहेको API बाट कार्यक्रम व्यवस्थापन गर्न सक्नुहुन्छ।',
    organizersOnly: 'Kinship को यो भाग आयोजकहरूका लागि हो। पहुँच चाहिएमा प्रशासकलाई सोध्नुहोस्।',
  },
};
