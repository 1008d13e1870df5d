/** string-width's source with its segmenter and RGI_Emoji expression made on first use */
export function lazyStringWidth(source: string, file?: string): string;
