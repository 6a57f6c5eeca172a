import Taro from '@tarojs/taro';

/**
 * Hands an exported workbook to the person: the browser downloads it (the link is a same-origin
 * /api/files/… address of the local host); WeChat downloads it and opens it in its document
 * viewer, whose menu can forward or save it. Resolves to a message when that failed, else null.
 */
export async function openSpreadsheet(file: { url: string; fileName: string }): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    try {
      const link = document.createElement('a');
      link.href = file.url;
      link.download = file.fileName;
      link.rel = 'noopener';
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      return null;
    } catch {
      window.open(file.url, '_blank', 'noopener');
      return null;
    }
  }
  try {
    const downloaded = await Taro.downloadFile({ url: file.url });
    if (downloaded.statusCode !== 200) return '文件下载失败，请稍后再试';
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'xlsx', showMenu: true });
    return null;
  } catch {
    return '文件已生成，但没能打开，请稍后再试';
  }
}
