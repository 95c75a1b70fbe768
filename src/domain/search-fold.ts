/**
 * The form in which public search compares text: Unicode NFKC, so that full-width digits, letters and punctuation
 * (１２４, Ｐ－００２, （）, what a Chinese input method gives) match their ASCII forms, and every kind of bracket a
 * document number is written with (〔〕【】［］（）[]) as round ASCII brackets, so that 县司罚(2026)124号 finds
 * 县司罚〔2026〕124号. Applied alike to the searched text of an entry and to the words searched for.
 */
export function searchFold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[〔【［[〖]/g, '(')
    .replace(/[〕】］\]〗]/g, ')');
}
