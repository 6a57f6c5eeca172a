/**
 * <certificate-card>: the 学法答题证书 poster on a type="2d" canvas, with a 保存到相册 button.
 * A native component (plain ES5) because a Taro React page cannot reach a canvas node's 2D context.
 *
 * Properties
 * | name     | type   | default          | description                                              |
 * | -------- | ------ | ---------------- | -------------------------------------------------------- |
 * | title    | String | ''               | the campaign (答题活动) title                            |
 * | name     | String | ''               | the learner's name; drawn masked (王**), empty → 学员    |
 * | score    | Number | 0                | the score, out of 100                                    |
 * | passMark | Number | 0                | the pass mark (及格线); attribute `pass-mark`            |
 * | date     | String | ''               | China date `YYYY-MM-DD` of the attempt, drawn 2026年11月29日 |
 * | issuer   | String | 潼南区妇女联合会 | the issuing body                                         |
 *
 * Events
 * | name   | detail                | when                                                         |
 * | ------ | --------------------- | ------------------------------------------------------------ |
 * | saved  | { tempFilePath }      | the poster is in the photo album                             |
 * | failed | { errMsg, denied }    | saving failed; `denied`: album permission refused (a modal explains how to allow it) |
 *
 * Methods (through selectComponent)
 * | toTempFile() | Promise<string> | the poster as a temporary PNG, e.g. for onShareAppMessage's imageUrl |
 */
var draw = require('./draw');

var CANVAS = '#certificate-canvas';

/** saveImageToPhotosAlbum's ways of saying the album permission was refused. */
var DENIED = /auth den|authorize no response|permission/i;

/**
 * WeChat's privacy consent (用户隐私保护指引) before saving to the album: with no custom listener
 * registered, WeChat shows its own popup. Older base libraries have no such API: nothing to ask.
 */
function requirePrivacy() {
  return new Promise(function (resolve, reject) {
    if (typeof wx.requirePrivacyAuthorize !== 'function') return resolve();
    wx.requirePrivacyAuthorize({ success: function () { resolve(); }, fail: reject });
  });
}

function pixelRatio() {
  try {
    var info = wx.getWindowInfo ? wx.getWindowInfo() : wx.getSystemInfoSync();
    return info.pixelRatio || 2;
  } catch (e) {
    return 2;
  }
}

function errMsgOf(err) {
  if (err && typeof err.errMsg === 'string') return err.errMsg;
  if (err && typeof err.message === 'string') return err.message;
  return String(err);
}

function explainDenied() {
  wx.showModal({
    title: '需要相册权限',
    content: '保存证书要用到“添加到相册”。请点“去设置”，打开“添加到相册”，再回来点一次保存。',
    confirmText: '去设置',
    cancelText: '暂不',
    success: function (res) {
      if (res.confirm) wx.openSetting({});
    },
  });
}

Component({
  properties: {
    title: { type: String, value: '' },
    name: { type: String, value: '' },
    score: { type: Number, value: 0 },
    passMark: { type: Number, value: 0 },
    date: { type: String, value: '' },
    issuer: { type: String, value: draw.DEFAULT_ISSUER },
  },

  data: {
    text: draw.certificateText({}),
    busy: false,
  },

  observers: {
    'title, name, score, passMark, date, issuer': function () {
      this.setData({ text: draw.certificateText(this.properties) });
      if (this._ready) this.paint().catch(function () {});
    },
  },

  lifetimes: {
    ready: function () {
      this._ready = true;
      this.paint().catch(function () {});
    },
  },

  methods: {
    /** The canvas node and its laid-out size, looked up once. */
    canvasNode: function () {
      var self = this;
      if (!self._node) {
        self._node = new Promise(function (resolve, reject) {
          self
            .createSelectorQuery()
            .select(CANVAS)
            .fields({ node: true, size: true })
            .exec(function (res) {
              var hit = res && res[0];
              if (hit && hit.node) resolve({ canvas: hit.node, width: hit.width, height: hit.height });
              else reject(new Error('certificate canvas not found'));
            });
        });
        self._node.catch(function () {
          self._node = null; // not laid out yet: look again next time
        });
      }
      return self._node;
    },

    /** Draws the poster at the device's pixel ratio. */
    paint: function () {
      var self = this;
      return self.canvasNode().then(function (node) {
        var ratio = pixelRatio();
        node.canvas.width = node.width * ratio;
        node.canvas.height = node.height * ratio;
        var ctx = node.canvas.getContext('2d');
        ctx.scale(ratio, ratio);
        draw.drawCertificate(ctx, self.properties, { width: node.width, height: node.height });
        return node;
      });
    },

    /** The poster as a temporary PNG file path. */
    toTempFile: function () {
      return this.paint().then(function (node) {
        return new Promise(function (resolve, reject) {
          wx.canvasToTempFilePath({
            canvas: node.canvas,
            fileType: 'png',
            success: function (res) {
              resolve(res.tempFilePath);
            },
            fail: reject,
          });
        });
      });
    },

    onSave: function () {
      var self = this;
      if (self.data.busy) return;
      self.setData({ busy: true });
      requirePrivacy()
        .then(function () {
          return self.toTempFile();
        })
        .then(function (filePath) {
          return new Promise(function (resolve, reject) {
            wx.saveImageToPhotosAlbum({
              filePath: filePath,
              success: function () {
                resolve(filePath);
              },
              fail: reject,
            });
          });
        })
        .then(
          function (filePath) {
            self.setData({ busy: false });
            wx.showToast({ title: '已保存到相册', icon: 'success' });
            self.triggerEvent('saved', { tempFilePath: filePath });
          },
          function (err) {
            var errMsg = errMsgOf(err);
            var denied = DENIED.test(errMsg);
            self.setData({ busy: false });
            if (/privacy/i.test(errMsg)) wx.showToast({ title: '需要先同意隐私保护指引才能保存', icon: 'none' });
            else if (denied) explainDenied();
            else if (!/cancel/.test(errMsg)) wx.showToast({ title: '保存没有成功，请再试一次', icon: 'none' });
            self.triggerEvent('failed', { errMsg: errMsg, denied: denied });
          }
        );
    },
  },
});
