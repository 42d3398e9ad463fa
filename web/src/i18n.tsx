// Every string of the app in Simplified Chinese and English, chosen by a switch; Chinese unless the person picked English.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { Language, Text } from '../../domain/errors.js';

export type { Language, Text };

const STORAGE_KEY = 'casework.lang';

interface LangState {
  lang: Language;
  setLang(lang: Language): void;
  /** The text in the chosen language. */
  t(text: Text): string;
}

const LangContext = createContext<LangState>({ lang: 'zh', setLang: () => undefined, t: (text) => text.zh });

function initialLang(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** Holds the chosen language for the whole app and keeps <html lang> in step. */
export function LangProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Language>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const state = useMemo<LangState>(
    () => ({
      lang,
      setLang: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setLangState(next);
      },
      t: (text) => text[lang],
    }),
    [lang],
  );
  return <LangContext.Provider value={state}>{children}</LangContext.Provider>;
}

/** The chosen language and its translator. */
export const useLang = () => useContext(LangContext);

/** The language chosen now, for code outside components (the API client's Accept-Language). */
export const currentLang = (): Language => initialLang();

/** Fills `{name}` placeholders of a text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
