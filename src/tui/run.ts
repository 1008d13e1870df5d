export async function runApp(_o: { data?: string; lang?: string; user?: string; ascii: boolean; demo: boolean }): Promise<number> { return 1; }
